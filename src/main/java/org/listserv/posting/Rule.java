package org.listserv.posting;

/**
 * One small named check of a post. Rules run in the order of {@link PostingRules#ORDER}; the first that does
 * not {@code PASS} decides, and every verdict given is stored with the post.
 */
interface Rule {

	String name();

	Verdict check(PostContext post);

	default Verdict verdict(Verdict.Outcome outcome, String reason) {
		return new Verdict(name(), outcome, reason);
	}

}
