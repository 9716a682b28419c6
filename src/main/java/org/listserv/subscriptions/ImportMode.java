package org.listserv.subscriptions;

/** What an import makes of new members: ACTIVE at once (an admin's list), or PENDING confirmation. */
public enum ImportMode {

	ACTIVE, PENDING

}
