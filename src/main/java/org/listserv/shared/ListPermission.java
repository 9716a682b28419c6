package org.listserv.shared;

/** What a page or API call does on a list, checked against the caller's role on the list by {@code accounts.ListAccess}. */
public enum ListPermission {

	/** Read the list, its members, campaigns and reports. */
	VIEW,
	/** Compose, test, schedule and send campaigns. */
	SEND,
	/** Decide on held posts; change the posting settings. */
	MODERATE,
	/** Add, change and remove members; import and export. */
	MEMBERS,
	/** Change the list's settings; delete it. */
	SETTINGS,
	/** Grant and take back roles on the list. */
	ROLES

}
