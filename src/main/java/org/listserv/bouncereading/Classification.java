package org.listserv.bouncereading;

import java.util.Locale;

/**
 * What a bounce means for the address: {@code HARD} (the address is gone: stop sending), {@code SOFT} (a
 * passing or unclear problem: count it, retry), {@code NONE} (not a failure: complaint, auto-reply, delivery
 * notice).
 */
public enum Classification {

	HARD, SOFT, NONE;

	/** The JSON value: {@code "hard"}, {@code "soft"} or {@code "none"}. */
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
