package org.listserv.bouncereading;

/**
 * One recipient of a bounce report and what happened to it.
 *
 * @param recipient the lower-cased address, or null when the report does not say (the VERP token may)
 * @param classification hard, soft or none
 * @param reason the reason, in sisimai's vocabulary ({@code userunknown}, {@code mailboxfull}, ...)
 * @param status the RFC 3463 enhanced status code, such as {@code 5.1.1}, or null
 * @param replyCode the SMTP reply code, such as 550, or null
 * @param diagnostic the evidence (diagnostic text, status lines), at most 4 KB, or null
 */
public record BouncedRecipient(String recipient, Classification classification, String reason, String status,
		Integer replyCode, String diagnostic) {
}
