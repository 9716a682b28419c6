package org.listserv.posting;

/** What became of a post. */
enum PostStatus {

	/** Waits for a moderator. */
	HELD,
	/** Handed to the send job (and in the archive). */
	DISTRIBUTED,
	/** Dropped by a rule (a loop, a banned sender). */
	REFUSED,
	/** Answered as a subscribe/unsubscribe command. */
	COMMAND,
	/** A moderator rejected it; the author was told why. */
	REJECTED,
	/** A moderator dropped it without a word. */
	DISCARDED,
	/** Nobody decided in time; the author was told. */
	EXPIRED

}
