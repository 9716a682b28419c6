package org.listserv.accounts;

import org.listserv.shared.ListPermission;
import java.util.EnumSet;
import java.util.Set;

/** What an account may do on one list. ADMIN accounts hold every role on every list. */
public enum ListRole {

	/** The list's settings, members and roles, and all the others. */
	OWNER(EnumSet.allOf(ListPermission.class)),
	/** Compose, test and send campaigns. */
	SENDER(EnumSet.of(ListPermission.VIEW, ListPermission.SEND)),
	/** Held posts and the posting settings. */
	MODERATOR(EnumSet.of(ListPermission.VIEW, ListPermission.MODERATE)),
	/** Read the list, its members, campaigns and reports. */
	VIEWER(EnumSet.of(ListPermission.VIEW));

	private final Set<ListPermission> permissions;

	ListRole(Set<ListPermission> permissions) {
		this.permissions = permissions;
	}

	public boolean permits(ListPermission permission) {
		return permissions.contains(permission);
	}

}
