package org.listserv.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

import org.listserv.mail.HeaderValues;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.PersonalTokens;

/**
 * One stored message as the admin page shows it: its row, every header field decoded, the readable
 * text, and the start of the raw bytes (the only view of a message that cannot be parsed). A member's
 * tokens that the message quotes (a reply to a notice) are taken out of all of them ({@link PersonalTokens});
 * the raw part, where an encoding may hide a token from that, is for admins only.
 *
 * @param parseError why the message cannot be parsed, or null
 * @param raw the start of the raw bytes
 * @param rawTruncated whether {@code raw} is only the start of the message
 * @param depthCut whether parts are nested deeper than could be taken apart (their text is not shown)
 */
record MessageView(StoredMessage message, List<HeaderField> headers, String text, String parseError, String raw,
		boolean rawTruncated, boolean depthCut) {

	private static final int MAX_SHOWN = 200 * 1024;

	/** A header field, its value unfolded and decoded. */
	record HeaderField(String name, String value) {
	}

	static MessageView of(StoredMessage message, byte[] raw) {
		String text = "";
		String error = null;
		boolean depthCut = false;
		try {
			InboundMessage parsed = InboundMessage.parse(raw);
			text = PersonalTokens.redact(clip(parsed.textBody()));
			depthCut = parsed.depthCut();
		}
		catch (InboundMessage.MalformedMessageException ex) {
			error = ex.getMessage();
		}
		int shown = Math.min(raw.length, MAX_SHOWN);
		return new MessageView(message, headers(raw), text, error,
				PersonalTokens.redact(new String(raw, 0, shown, StandardCharsets.UTF_8)), shown < raw.length, depthCut);
	}

	private static List<HeaderField> headers(byte[] raw) {
		DefaultMessageBuilder builder = new DefaultMessageBuilder();
		builder.setMimeEntityConfig(MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1)
			.build());
		builder.setDecodeMonitor(DecodeMonitor.SILENT);
		try {
			Header header = builder.parseHeader(new ByteArrayInputStream(raw));
			return header.getFields().stream()
				.map(f -> new HeaderField(f.getName(), PersonalTokens.redact(HeaderValues.decode(f.getBody()))))
				.toList();
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	private static String clip(String text) {
		return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "\n…";
	}

}
