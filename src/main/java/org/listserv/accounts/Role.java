package org.listserv.accounts;

/** What a person who logs in may do. ADMIN: everything. STAFF: read lists and members, add members. */
public enum Role {

	ADMIN, STAFF

}
