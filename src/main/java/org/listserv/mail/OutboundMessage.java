package org.listserv.mail;

import java.util.Map;

import com.google.re2j.Pattern;

/**
 * A message to send, before MIME: who, what, and extra headers (List-Id, List-Unsubscribe, ...). Every
 * text that becomes a header is one line: a CR or LF anywhere is refused, so no header can be injected.
 *
 * @param kind what it is (confirm, welcome, ...), for the outbox page and logs
 * @param html the HTML alternative, or null for a text-only message
 */
public record OutboundMessage(String kind, EmailAddress from, String fromName, EmailAddress to, EmailAddress replyTo,
		String subject, String text, String html, Map<String, String> headers) {

	private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]+");

	public OutboundMessage {
		if (from == null || to == null || subject == null || text == null) {
			throw new IllegalArgumentException("A message needs from, to, subject and text");
		}
		fromName = fromName == null ? "" : fromName;
		headers = headers == null ? Map.of() : Map.copyOf(headers);
		oneLine("fromName", fromName);
		oneLine("subject", subject);
		headers.forEach((name, value) -> {
			if (!HEADER_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a header name: " + name);
			}
			oneLine(name, value);
		});
	}

	private static void oneLine(String what, String value) {
		if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("The " + what + " must be one line (no CR, LF or NUL)");
		}
	}

}
