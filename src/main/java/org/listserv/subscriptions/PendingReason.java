package org.listserv.subscriptions;

/** What a PENDING membership waits for: the person's confirmation, or an admin's approval. */
public enum PendingReason {

	CONFIRMATION, APPROVAL

}
