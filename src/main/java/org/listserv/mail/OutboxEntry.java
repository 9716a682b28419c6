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

	/** The kind of a campaign's test send. */
	public static final String CAMPAIGN_TEST = "campaign-test";

	/** The kinds of notice the bundles name ({@code mail.outbox.kind.<kind>}); another is shown as it is stored. */
	private static final java.util.Set<String> NAMED = java.util.Set.of(CAMPAIGN_TEST, "confirm", "confirm-leave",
			"welcome", "goodbye", "already-subscribed", "pending-approval", "command-reply", "preferences-link",
			"bounce-warning", "bounce-disabled", "archive-link", "post-held", "post-held-owner", "post-rejected",
			"post-expired", "inbound-failed", "inbound-failed-admin");

	/**
	 * The bundle key that says what kind of notice this is, in words ({@code mail.outbox.kind.welcome}); a kind
	 * the bundles do not name has {@code mail.outbox.kind.other}, which shows its first value: {@link #kind()}.
	 */
	public String kindKey() {
		return NAMED.contains(kind) ? "mail.outbox.kind." + kind : "mail.outbox.kind.other";
	}

}
