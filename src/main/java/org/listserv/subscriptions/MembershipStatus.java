package org.listserv.subscriptions;

/**
 * Where a member stands on a list. PENDING: waiting for confirmation (or approval). ACTIVE: receives
 * mail. UNSUBSCRIBED: left by their own choice. DISABLED: stopped by bounces. REMOVED: taken off by an admin.
 */
public enum MembershipStatus {

	PENDING, ACTIVE, UNSUBSCRIBED, DISABLED, REMOVED;

	/** Statuses an import or an admin addition must not undo: the person or the bounce job decided. */
	boolean blocksImport() {
		return this == UNSUBSCRIBED || this == REMOVED || this == DISABLED;
	}

}
