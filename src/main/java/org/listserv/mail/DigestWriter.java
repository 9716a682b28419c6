package org.listserv.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeUtility;

/**
 * A MIME digest (RFC 2046 {@code multipart/digest}, RFC 1153 in spirit): {@code multipart/mixed} with a
 * plain-text table of contents first, then a {@code multipart/digest} whose parts are the messages as they
 * were distributed ({@code message/rfc822}).
 */
public final class DigestWriter {

	private static final SecureRandom random = new SecureRandom();

	private DigestWriter() {
	}

	/**
	 * @param headers the top-level headers (From, To, Subject, List-Id, ...): values one line, non-ASCII
	 * values RFC 2047 encoded here
	 * @param contents the table of contents (UTF-8 text)
	 * @param messages the messages, each as bytes with CRLF line ends
	 */
	public static byte[] write(Map<String, String> headers, String messageIdDomain, String contents,
			List<byte[]> messages) {
		String mixed = boundary();
		String digest = boundary();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		headers.forEach((name, value) -> line(out, name + ": " + MimeUtility.fold(name.length() + 2, encode(value))));
		line(out, "Message-ID: <" + HexFormat.of().formatHex(bytes()) + "@" + messageIdDomain + ">");
		line(out, "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(ZonedDateTime.now()));
		line(out, "MIME-Version: 1.0");
		line(out, "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"");
		line(out, "");
		line(out, "--" + mixed);
		line(out, "Content-Type: text/plain; charset=utf-8");
		line(out, "Content-Transfer-Encoding: 8bit");
		line(out, "Content-Description: Table of contents");
		line(out, "");
		line(out, contents.replace("\r\n", "\n").replace("\n", "\r\n").stripTrailing());
		line(out, "--" + mixed);
		line(out, "Content-Type: multipart/digest; boundary=\"" + digest + "\"");
		line(out, "");
		for (byte[] m : messages) {
			line(out, "--" + digest);
			// the default inside multipart/digest, written out for readers that do not apply it
			line(out, "Content-Type: message/rfc822");
			line(out, "");
			out.writeBytes(m);
			if (m.length < 2 || m[m.length - 2] != '\r' || m[m.length - 1] != '\n') {
				line(out, "");
			}
		}
		line(out, "--" + digest + "--");
		line(out, "--" + mixed + "--");
		return out.toByteArray();
	}

	private static void line(ByteArrayOutputStream out, String text) {
		out.writeBytes((text + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("A header value must be one line");
		}
		if (value.chars().allMatch(c -> c >= 32 && c < 127)) {
			return value;
		}
		try {
			return MimeUtility.encodeText(value, "UTF-8", "Q");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String boundary() {
		return "=_digest_" + HexFormat.of().formatHex(bytes());
	}

	private static byte[] bytes() {
		byte[] b = new byte[12];
		random.nextBytes(b);
		return b;
	}

}
