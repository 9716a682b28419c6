package org.listserv.lists;

/** How people join: CONFIRM (double opt-in, the default), SINGLE (at once), APPROVE (an admin decides). */
public enum SubscriptionPolicy {

	CONFIRM, SINGLE, APPROVE

}
