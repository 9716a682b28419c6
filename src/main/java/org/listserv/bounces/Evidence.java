package org.listserv.bounces;

import org.listserv.bouncereading.BounceKind;
import org.listserv.bouncereading.BouncedRecipient;
import org.listserv.bouncereading.Classification;

/**
 * What a bounce says about one recipient, kept with the event as evidence.
 *
 * @param kind the report's kind (DSN, NON_STANDARD, COMPLAINT, AUTO_REPLY, NOT_A_BOUNCE, SMTP_REPLY)
 * @param classification HARD, SOFT or NONE
 */
record Evidence(String recipient, BounceEventKind kind, Classification classification, String reason, String status,
		Integer replyCode, String diagnostic) {

	static final int MAX_DIAGNOSTIC = 4000;

	Evidence {
		diagnostic = diagnostic == null ? null
				: (diagnostic.length() > MAX_DIAGNOSTIC ? diagnostic.substring(0, MAX_DIAGNOSTIC) + "…" : diagnostic)
					.replace('\0', ' ');
		recipient = recipient == null ? "" : recipient;
	}

	static Evidence of(BounceKind kind, BouncedRecipient r) {
		return new Evidence(r.recipient(), BounceEventKind.of(kind), r.classification(), r.reason(), r.status(), r.replyCode(),
				r.diagnostic());
	}

	boolean complaint() {
		return kind == BounceEventKind.COMPLAINT || "feedback".equalsIgnoreCase(reason);
	}

	BounceScoring.Weight weight() {
		if (complaint()) {
			return BounceScoring.Weight.COMPLAINT;
		}
		return switch (classification) {
			case HARD -> BounceScoring.Weight.HARD;
			case SOFT -> BounceScoring.Weight.SOFT;
			default -> BounceScoring.Weight.NONE;
		};
	}

}
