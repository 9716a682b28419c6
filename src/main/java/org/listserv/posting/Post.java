package org.listserv.posting;

import java.time.OffsetDateTime;

import org.listserv.mail.PersonalTokens;

/**
 * A post as the moderation queue and the archive show it (without its bytes).
 *
 * @param verdicts the rules' verdicts as JSON ({@code [{"rule","outcome","reason"}]})
 */
record Post(long id, long listId, PostStatus status, String sender, String senderName, String subject,
		String messageId, String inReplyTo, Long threadRootId, String bodyText, String verdicts, String holdReason,
		Long campaignId, String decidedBy, String decisionNote, OffsetDateTime receivedAt, OffsetDateTime decidedAt,
		OffsetDateTime distributedAt) {

	/**
	 * As pages and notices show it: without the member tokens its text may quote (a member replying to a
	 * campaign quotes their own unsubscribe link), so no reader can act as the poster.
	 */
	Post shown() {
		return new Post(id, listId, status, sender, senderName, PersonalTokens.redact(subject), messageId, inReplyTo,
				threadRootId, PersonalTokens.redact(bodyText), verdicts, holdReason, campaignId, decidedBy, decisionNote,
				receivedAt, decidedAt, distributedAt);
	}

	/** The thread this post belongs to: its root's id, or its own. */
	public long thread() {
		return threadRootId == null ? id : threadRootId;
	}

}
