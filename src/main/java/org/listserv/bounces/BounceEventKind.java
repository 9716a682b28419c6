package org.listserv.bounces;

import org.listserv.bouncereading.BounceKind;

/**
 * The kind of a bounce event ({@code bounce_events.kind}): the classifier's {@link BounceKind} of the
 * message it came from, or SMTP_REPLY for a refusal the send job got at the SMTP dialogue.
 */
enum BounceEventKind {

	DSN, NON_STANDARD, COMPLAINT, AUTO_REPLY, NOT_A_BOUNCE, SMTP_REPLY;

	static BounceEventKind of(BounceKind kind) {
		return valueOf(kind.name());
	}

}
