package org.listserv.mail;

import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeUtility;

/**
 * Writes an {@link OutboundMessage} straight to RFC 5322 bytes: the fast path for bulk mail, where building
 * an Angus {@code MimeMessage} per recipient costs more than rendering it. Text and HTML are UTF-8 in
 * quoted-printable (lines of at most 76 characters, CRLF line ends); names and subjects outside printable
 * ASCII become RFC 2047 encoded words. The result parses with Angus to the same parts and headers that
 * {@link MimeMessages#build} makes.
 */
final class MimeWriter {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/** An unsynchronised byte buffer (ByteArrayOutputStream locks on every byte). */
	private byte[] buf = new byte[16384];

	private int size;

	private MimeWriter() {
	}

	static byte[] write(OutboundMessage m, String messageId) {
		MimeWriter w = new MimeWriter();
		w.header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()));
		w.header("From", mailbox(m.from(), m.fromName()));
		w.header("To", m.to().value());
		if (m.replyTo() != null) {
			w.header("Reply-To", m.replyTo().value());
		}
		w.header("Message-ID", messageId);
		w.header("Subject", phrase(m.subject(), false));
		for (Map.Entry<String, String> h : m.headers().entrySet()) {
			w.header(h.getKey(), h.getValue());
		}
		w.header("MIME-Version", "1.0");
		if (m.html() == null) {
			w.part(m.text(), "plain");
		}
		else {
			String boundary = "=_alt_" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "_";
			w.header("Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
			w.line("");
			w.line("--" + boundary);
			w.part(m.text(), "plain");
			w.line("--" + boundary);
			w.part(m.html(), "html");
			w.line("--" + boundary + "--");
		}
		return Arrays.copyOf(w.buf, w.size);
	}

	private void part(String content, String subtype) {
		header("Content-Type", "text/" + subtype + "; charset=UTF-8");
		header("Content-Transfer-Encoding", "quoted-printable");
		line("");
		quotedPrintable(content.getBytes(StandardCharsets.UTF_8));
		// the line end before a boundary belongs to the boundary (RFC 2046)
		line("");
	}

	private void header(String name, String value) {
		line(name + ": " + MimeUtility.fold(name.length() + 2, value));
	}

	private void line(String s) {
		ensure(s.length() * 2 + 2);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\n' && (i == 0 || s.charAt(i - 1) != '\r')) {
				buf[size++] = '\r';
			}
			buf[size++] = (byte) (c < 128 ? c : '?');
		}
		buf[size++] = '\r';
		buf[size++] = '\n';
	}

	/** RFC 2045 quoted-printable; any line end in the input becomes CRLF. */
	private void quotedPrintable(byte[] in) {
		ensure(in.length * 4 + 2);
		int column = 0;
		for (int i = 0; i < in.length; i++) {
			int b = in[i] & 0xff;
			if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
				continue;
			}
			if (b == '\n' || b == '\r') {
				buf[size++] = (byte) '\r';
				buf[size++] = (byte) '\n';
				column = 0;
				continue;
			}
			boolean atLineEnd = i + 1 == in.length || in[i + 1] == '\n' || in[i + 1] == '\r';
			boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !atLineEnd);
			int width = literal ? 1 : 3;
			if (column + width > (atLineEnd ? 76 : 75)) {
				buf[size++] = (byte) '=';
				buf[size++] = (byte) '\r';
				buf[size++] = (byte) '\n';
				column = 0;
			}
			if (literal) {
				buf[size++] = (byte) b;
			}
			else {
				buf[size++] = (byte) '=';
				buf[size++] = (byte) HEX[b >> 4];
				buf[size++] = (byte) HEX[b & 0xf];
			}
			column += width;
		}
	}

	private void ensure(int more) {
		if (size + more > buf.length) {
			buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
		}
	}

	static String mailbox(EmailAddress address, String name) {
		return name == null || name.isBlank() ? address.value() : phrase(name, true) + " <" + address.value() + ">";
	}

	/** Printable ASCII as is (quoted in an address), anything else as UTF-8 "B" encoded words. */
	static String phrase(String s, boolean inAddress) {
		boolean ascii = s.chars().allMatch(c -> c >= 32 && c < 127) && !s.contains("=?");
		if (ascii) {
			return inAddress ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : s;
		}
		StringBuilder words = new StringBuilder();
		int i = 0;
		while (i < s.length()) {
			int end = i;
			int bytes = 0;
			while (end < s.length()) {
				int cp = s.codePointAt(end);
				int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
				if (bytes + n > 45) {
					break;
				}
				bytes += n;
				end += Character.charCount(cp);
			}
			if (words.length() > 0) {
				words.append(' ');
			}
			words.append("=?UTF-8?B?")
				.append(Base64.getEncoder().encodeToString(s.substring(i, end).getBytes(StandardCharsets.UTF_8)))
				.append("?=");
			i = end;
		}
		return words.toString();
	}

}
