package org.listserv.inbound;

/**
 * The SMTP envelope of a received message (or what stands for it for mail fetched over IMAP).
 *
 * @param mailFrom the envelope sender; empty for the null sender {@code <>} (bounces)
 * @param recipient the one recipient this delivery is for, as given at RCPT TO
 * @param inboundMessageId the stored message's row in {@code inbound_messages}, or null when the message is
 * not a stored one (a handler that queues work for later refers to the message by it)
 */
public record Envelope(String mailFrom, String recipient, Long inboundMessageId) {

	public Envelope(String mailFrom, String recipient) {
		this(mailFrom, recipient, null);
	}

}
