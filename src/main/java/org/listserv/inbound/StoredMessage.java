package org.listserv.inbound;

import java.time.OffsetDateTime;

import org.listserv.mail.PersonalTokens;

/**
 * A row of {@code inbound_messages} without its raw bytes, as the admin page and the API show it
 * ({@link #shown()}).
 *
 * @param mailFrom the envelope sender, "" for the null sender
 * @param size the size of the raw message in bytes
 * @param attempts how many times the processor ran on it
 */
record StoredMessage(long id, OffsetDateTime receivedAt, InboundSource source, String mailFrom, String recipient,
		String messageId, String subject, int size, InboundState state, String note, int attempts,
		OffsetDateTime processedAt) {

	/** As pages and the API show it: without the member tokens its address, subject or note may hold. */
	StoredMessage shown() {
		return new StoredMessage(id, receivedAt, source, mailFrom, PersonalTokens.redact(recipient), messageId,
				PersonalTokens.redact(subject), size, state, PersonalTokens.redact(note), attempts, processedAt);
	}

}
