package org.listserv.bounces;

/**
 * Where a received bounce message is ({@code bounce_messages.state}): QUEUED to do; PROCESSED, its events
 * recorded; REVIEW, not attributable or not understood (a person decides); ASSIGNED, an admin named the
 * member; NOT_BOUNCE and DISCARDED, an admin's verdict.
 */
enum BounceMessageState {

	QUEUED, PROCESSED, REVIEW, ASSIGNED, NOT_BOUNCE, DISCARDED;

	/** Whether an admin may give this as the verdict on a message in review (without naming a member). */
	boolean verdict() {
		return this == NOT_BOUNCE || this == DISCARDED;
	}

}
