package org.listserv.posting;

/**
 * What one rule made of a post: {@code PASS} lets the next rule look; any other outcome decides.
 *
 * @param rule the rule's name
 * @param reason why, in English, as stored for the inbound note and the record
 * @param key the bundle key of the reason for a moderator, in their language ({@code posting.hold.*}); null
 *        for a verdict no person is shown
 * @param args the values of that text
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
record Verdict(String rule, Outcome outcome, String reason, String key, java.util.List<String> args) {

	Verdict(String rule, Outcome outcome, String reason) {
		this(rule, outcome, reason, null, null);
	}

	/** A hold, with the English reason and its bundle text {@code posting.hold.<name>}. */
	static Verdict hold(String rule, String reason, String name, Object... args) {
		return new Verdict(rule, Outcome.HOLD, reason, "posting.hold." + name,
				java.util.Arrays.stream(args).map(String::valueOf).toList());
	}

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
