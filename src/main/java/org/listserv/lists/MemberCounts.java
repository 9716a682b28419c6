package org.listserv.lists;

import java.util.Map;

/**
 * How many members each list has per status, for the overview. Implemented by the subscriptions
 * capability, which owns the memberships; lists only asks.
 */
public interface MemberCounts {

	/** list id → (status name → count) */
	Map<Long, Map<String, Long>> countsByList();

}
