package org.listserv.inbound;

import java.util.Arrays;

import com.google.re2j.Pattern;

import org.listserv.mail.InboundMessage;

/**
 * What the admin page shows of a message before it is processed, read from its header only, so that
 * storing a large message does not parse its body.
 *
 * @param messageId the Message-ID as written, or null
 * @param subject the decoded subject, or ""
 */
record MessageSummary(String messageId, String subject) {

	private static final Pattern CONTROL_RUNS = Pattern.compile("[\\r\\n\\t]+");

	static final MessageSummary NONE = new MessageSummary(null, "");

	private static final int MAX_HEADER_BYTES = 256 * 1024;

	private static final int MAX_TEXT = 998;

	static MessageSummary of(byte[] raw) {
		try {
			InboundMessage header = InboundMessage.parse(Arrays.copyOf(raw, headerLength(raw)));
			return new MessageSummary(clip(header.messageId()), clip(header.subject()));
		}
		catch (RuntimeException ex) {
			return NONE;
		}
	}

	/** Up to and with the blank line that ends the header (or the first 256KB if there is none). */
	private static int headerLength(byte[] raw) {
		int limit = Math.min(raw.length, MAX_HEADER_BYTES);
		for (int i = 0; i < limit; i++) {
			if (raw[i] == '\n' && (i + 1 < limit && raw[i + 1] == '\n'
					|| i + 2 < limit && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
				return i + 1;
			}
		}
		return limit;
	}

	private static String clip(String text) {
		if (text == null) {
			return null;
		}
		String oneLine = CONTROL_RUNS.matcher(text).replaceAll(" ").replace('\0', ' ');
		return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
	}

}
