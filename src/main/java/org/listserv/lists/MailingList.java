package org.listserv.lists;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mailing list and its settings, as stored and as the API shows it.
 *
 * @param bounceThreshold the bounce score at which a member is disabled, or null for
 * {@code listserv.bounces.threshold}
 * @param greetingFallback what {@code {{subscriber.name}}} shows for a member without a name ("Dear friend,")
 * @param language the list's default language (BCP 47, e.g. {@code es}): its pages, and the mail of members
 *        without a language of their own
 */
public record MailingList(long id, String slug, String name, String description, ListKind kind,
		SubscriptionPolicy subscriptionPolicy, PostingPolicy postingPolicy, String fromName, String fromAddress,
		String replyTo, String footer, @JsonProperty("public") boolean publicList, String consentText,
		boolean goodbyeNotice, BigDecimal bounceThreshold, String greetingFallback, String language, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {

	// the text a person agrees to when joining, in the language shown, is subscriptions.SubscriptionNotices#consentText
}
