package org.listserv.inbound;

/**
 * The SMTP envelope of a received message (or what stands for it for mail fetched over IMAP).
 *
 * @param mailFrom the envelope sender; empty for the null sender {@code <>} (bounces)
 * @param recipient the one recipient this delivery is for, as given at RCPT TO
 */
public record Envelope(String mailFrom, String recipient) {
}
