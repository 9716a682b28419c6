package org.listserv.subscriptions;

import java.time.OffsetDateTime;
import java.util.Map;

/** A subscriber as a member of one list, as the API and the pages show it. */
public record Member(long subscriberId, String email, String name, MembershipStatus status, DeliveryMode mode,
		OffsetDateTime subscribedAt, OffsetDateTime statusChangedAt, Map<String, Object> attributes,
		PendingReason awaiting) {
}
