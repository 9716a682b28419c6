package org.listserv.posting;

/**
 * What one rule made of a post: {@code PASS} lets the next rule look; any other outcome decides.
 *
 * @param rule the rule's name
 * @param reason why, for moderators and the inbound note
 */
record Verdict(String rule, Outcome outcome, String reason) {

	/** The outcomes of a rule. */
	enum Outcome {

		/** No objection: the next rule decides. */
		PASS,
		/** Distribute it. */
		ACCEPT,
		/** Wait for a moderator. */
		HOLD,
		/** Drop it (a loop, a banned sender): nobody is told. */
		REFUSE,
		/** Not a post but a command (subscribe, unsubscribe): answered as one. */
		COMMAND

	}

	static Verdict pass(String rule, String reason) {
		return new Verdict(rule, Outcome.PASS, reason);
	}

}
