package org.listserv.subscriptions;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A subscriber as a member of one list, as the API and the pages show it; {@code language}: the subscriber's
 * own language (a BCP 47 tag), null when they have none (they read each list's).
 */
public record Member(long subscriberId, String email, String name, MembershipStatus status, DeliveryMode mode,
		OffsetDateTime subscribedAt, OffsetDateTime statusChangedAt, Map<String, Object> attributes,
		PendingReason awaiting, String language) {
}
