package org.listserv.subscriptions;

import java.time.OffsetDateTime;

/** One row of the consent ledger. */
public record ConsentEvent(long id, long listId, MembershipStatus oldStatus,
		MembershipStatus newStatus, ConsentSource source, String actor, String ip, String messageId,
		String consentText, OffsetDateTime createdAt) {
}
