package org.listserv.bouncereading;

import java.util.List;

/**
 * What a received message says about deliveries.
 *
 * @param kind DSN, non-standard report, complaint, auto-reply or not a bounce
 * @param format the format read: {@code RFC3464}, {@code Postfix}, {@code Exim}, {@code ARF}, {@code Vacation},
 * ... or null when not a bounce
 * @param recipients the bounced recipients; empty when not a bounce
 * @param originalMessageId the Message-ID of the attached original message, or null
 * @param verpToken the token of a {@code {slug}-bounces+{token}@domain} recipient, or null
 */
public record BounceReport(BounceKind kind, String format, List<BouncedRecipient> recipients,
		String originalMessageId, String verpToken) {

	public BounceReport {
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
	}

	/** A report for a message that is not a bounce. */
	public static BounceReport notABounce(String verpToken) {
		return new BounceReport(BounceKind.NOT_A_BOUNCE, null, List.of(), null, verpToken);
	}

}
