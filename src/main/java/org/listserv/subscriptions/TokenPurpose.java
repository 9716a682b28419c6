package org.listserv.subscriptions;

/** What a confirmation token confirms: joining a list, or leaving it (asked for by email). */
public enum TokenPurpose {

	SUBSCRIBE, UNSUBSCRIBE

}
