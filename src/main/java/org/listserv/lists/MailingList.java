package org.listserv.lists;

import java.time.OffsetDateTime;

/** A mailing list and its settings, as stored and as the API shows it. */
public record MailingList(long id, String slug, String name, String description, ListKind kind,
		SubscriptionPolicy subscriptionPolicy, PostingPolicy postingPolicy, String fromName, String fromAddress,
		String replyTo, String footer, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
