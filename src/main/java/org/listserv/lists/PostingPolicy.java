package org.listserv.lists;

/** Who may post to the list address: staff only, members, anyone, or everyone through a moderator. */
public enum PostingPolicy {

	ANNOUNCE, MEMBERS, OPEN, MODERATED

}
