package org.listserv.lists;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * How many members each list has per status, for the overview, and how each has grown lately, for the home
 * page. Implemented by the subscriptions capability, which owns the memberships; lists only asks.
 */
public interface MemberCounts {

	/** list id → (status name → count) */
	Map<Long, Map<String, Long>> countsByList();

	/** list id → members who joined since then and are active, and members who left since then */
	Map<Long, Growth> growthSince(OffsetDateTime since);

	/** Joined (and still active) and left (unsubscribed or removed) in a period. */
	record Growth(long joined, long left) {

		public static final Growth NONE = new Growth(0, 0);

	}

}
