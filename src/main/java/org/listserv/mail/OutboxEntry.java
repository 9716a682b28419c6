package org.listserv.mail;

import java.time.OffsetDateTime;

/**
 * A notice in the outbox as the outbox page and {@code GET /api/outbox} show it: whom, what, and what became
 * of it. No body: a notice may carry a confirmation link that only its recipient should follow.
 *
 * @param kind what it is ({@code confirm}, {@code welcome}, {@code campaign-test}, ...)
 * @param nextAttemptAt when a PENDING or RETRYING notice is tried next; null once SENT or FAILED
 * @param lastError the last failed attempt's error (kept while RETRYING, and on FAILED)
 */
public record OutboxEntry(long id, String kind, String to, String subject, OutboxState state, int attempts,
		String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {

	/** What kind of notice this is, in words. */
	public String kindLabel() {
		return switch (kind) {
			case CAMPAIGN_TEST -> "Test send";
			case "confirm" -> "Confirmation request";
			case "confirm-leave" -> "Confirmation to leave";
			case "welcome" -> "Welcome";
			case "goodbye" -> "Goodbye";
			case "already-subscribed" -> "Already subscribed";
			case "pending-approval" -> "Waiting for approval";
			case "command-reply" -> "Reply to an email command";
			case "preferences-link" -> "Preferences link";
			case "bounce-warning" -> "Bounce warning";
			case "bounce-disabled" -> "Disabled after bounces";
			case "archive-link" -> "Archive link";
			case "post-held", "post-held-owner" -> "Post held for moderation";
			case "post-rejected" -> "Post rejected";
			case "post-expired" -> "Held post expired";
			case "inbound-failed", "inbound-failed-admin" -> "Message that could not be handled";
			default -> kind.replace('-', ' ');
		};
	}

	/** The kind of a campaign's test send. */
	public static final String CAMPAIGN_TEST = "campaign-test";

}
