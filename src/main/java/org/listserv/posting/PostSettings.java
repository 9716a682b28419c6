package org.listserv.posting;

/**
 * The posting settings of one list (table {@code posting_settings}; a list without a row has the defaults).
 *
 * @param subjectPrefix null for the default {@code [slug]}, "" for none
 * @param replyTo {@code SENDER} (replies go to the author) or {@code LIST}
 * @param maxSize posts larger than this (bytes) are held
 * @param maxRecipients posts with more To and Cc addresses than this are held
 * @param emergencyModeration every post is held while on
 * @param archive {@code PUBLIC}, {@code MEMBERS} (staff login; the default) or {@code OFF}
 * @param digestFrequency {@code DAILY} or {@code WEEKLY}
 */
record PostSettings(String subjectPrefix, String replyTo, int maxSize, int maxRecipients, boolean emergencyModeration,
		String archive, String digestFrequency) {

	static final PostSettings DEFAULTS = new PostSettings(null, "SENDER", 524_288, 10, false, "MEMBERS", "DAILY");

	public String prefix(String slug) {
		return subjectPrefix == null ? "[" + slug + "]" : subjectPrefix.strip();
	}

}
