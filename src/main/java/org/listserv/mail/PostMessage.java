package org.listserv.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/**
 * A member's post being decorated for distribution: its header fields can be read, set and removed,
 * and a footer added, while the body's bytes are kept as they came (a signed or HTML body is never
 * re-encoded). A footer is appended to a plain 7bit/8bit UTF-8 or ASCII text body; any other body is
 * wrapped in {@code multipart/mixed} with the original body as the first part and the footer as a
 * {@code text/plain} part after it.
 */
public final class PostMessage {

	private static final Set<String> CONTENT_HEADERS = Set.of("content-type", "content-transfer-encoding",
			"content-disposition", "content-id", "content-description", "content-language", "content-location",
			"content-md5");

	private static final SecureRandom random = new SecureRandom();

	/** Header fields in order: name, and the value as written (unfolded, possibly RFC 2047 encoded). */
	private final List<String[]> fields = new ArrayList<>();

	private byte[] body;

	private PostMessage() {
	}

	/** Splits raw bytes into header fields and body; line ends become CRLF. */
	public static PostMessage parse(byte[] raw) {
		byte[] crlf = crlf(raw);
		int end = indexOf(crlf, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		PostMessage m = new PostMessage();
		String head = new String(crlf, 0, end < 0 ? crlf.length : end, StandardCharsets.UTF_8);
		m.body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(crlf, end + 4, crlf.length);
		// a folded value is built in a StringBuilder: concatenating each continuation line would copy the
		// value again for every line of a header folded many thousand times
		StringBuilder value = null;
		for (String line : (Iterable<String>) head.lines()::iterator) {
			ReadingBudget.check();
			if ((line.startsWith(" ") || line.startsWith("\t")) && value != null) {
				value.append(' ').append(line.strip());
			}
			else {
				int colon = line.indexOf(':');
				if (colon > 0) {
					m.endField(value);
					m.fields.add(new String[] { line.substring(0, colon).strip(), null });
					value = new StringBuilder(line.substring(colon + 1).strip());
				}
			}
		}
		m.endField(value);
		return m;
	}

	private void endField(StringBuilder value) {
		if (value != null) {
			fields.get(fields.size() - 1)[1] = value.toString();
		}
	}

	/** The first value of a header as written (RFC 2047 words not decoded), or "". */
	public String header(String name) {
		return fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).map(f -> f[1]).findFirst().orElse("");
	}

	/** The first value of a header, RFC 2047 words decoded, on one line ({@link HeaderValues#decode}), or "". */
	public String decodedHeader(String name) {
		return HeaderValues.decode(header(name));
	}

	public void removeHeader(String name) {
		fields.removeIf(f -> f[0].equalsIgnoreCase(name));
	}

	/** Replaces every value of a header by this one (text outside ASCII is RFC 2047 encoded). */
	public void setHeader(String name, String value) {
		oneLine(value);
		String encoded = encode(value);
		for (String[] f : fields) {
			if (f[0].equalsIgnoreCase(name)) {
				f[1] = encoded;
				removeAfter(f, name);
				return;
			}
		}
		fields.add(new String[] { name, encoded });
	}

	/** Adds a header at the top (as a trace or list header is added). */
	public void prependHeader(String name, String value) {
		oneLine(value);
		fields.add(0, new String[] { name, encode(value) });
	}

	/** {@code "Name" <address>} with the name quoted or RFC 2047 encoded. */
	public static String mailbox(String name, String address) {
		if (name == null || name.isBlank()) {
			return "<" + address + ">";
		}
		try {
			return new jakarta.mail.internet.InternetAddress(address, name, "UTF-8").toString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Changes the readable text of the body ({@link TextParts}): the parts whose text changes are written anew,
	 * and when nothing changes the message stays byte for byte as it is.
	 */
	public void rewriteText(java.util.function.UnaryOperator<String> change) {
		byte[] rewritten = TextParts.rewrite(toBytes(), change);
		if (rewritten != null) {
			PostMessage m = parse(rewritten);
			fields.clear();
			fields.addAll(m.fields);
			body = m.body;
		}
	}

	/** Adds the footer: appended to a plain text body, else in a {@code multipart/mixed} wrapper. */
	public void addFooter(String footer) {
		if (footer == null || footer.isBlank()) {
			return;
		}
		String text = footer.strip().replace("\r\n", "\n").replace("\n", "\r\n");
		String type = header("Content-Type").toLowerCase(Locale.ROOT);
		String cte = header("Content-Transfer-Encoding").toLowerCase(Locale.ROOT).strip();
		boolean plain = type.isEmpty() || type.startsWith("text/plain");
		boolean identity = cte.isEmpty() || cte.equals("7bit") || cte.equals("8bit");
		boolean ascii = text.chars().allMatch(c -> c < 128);
		boolean utf8 = type.contains("utf-8");
		boolean usAscii = type.isEmpty() || !type.contains("charset") || type.contains("us-ascii");
		if (plain && identity && (utf8 || (usAscii && ascii))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(body);
			if (body.length > 0 && !endsWithCrlf(body)) {
				out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.writeBytes(("-- \r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8));
			body = out.toByteArray();
			if (!ascii && cte.equals("7bit")) {
				setHeader("Content-Transfer-Encoding", "8bit");
			}
			return;
		}
		wrap(text);
	}

	private void wrap(String footer) {
		String boundary = "=_listserv_" + HexFormat.of().formatHex(randomBytes());
		List<String[]> inner = new ArrayList<>();
		fields.removeIf(f -> {
			if (CONTENT_HEADERS.contains(f[0].toLowerCase(Locale.ROOT))) {
				inner.add(f);
				return true;
			}
			return false;
		});
		if (inner.stream().noneMatch(f -> f[0].equalsIgnoreCase("Content-Type"))) {
			inner.add(0, new String[] { "Content-Type", "text/plain; charset=us-ascii" });
		}
		removeHeader("MIME-Version");
		fields.add(new String[] { "MIME-Version", "1.0" });
		fields.add(new String[] { "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"" });
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("This is a multi-part message in MIME format.\r\n--" + boundary + "\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		for (String[] f : inner) {
			out.writeBytes((f[0] + ": " + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(body);
		out.writeBytes(("\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
				+ "Content-Transfer-Encoding: quoted-printable\r\nContent-Disposition: inline\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(quotedPrintable(footer));
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		body = out.toByteArray();
	}

	/** The message as bytes with CRLF line ends; long header values are folded. */
	public byte[] toBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 2048);
		for (String[] f : fields) {
			out.writeBytes((f[0] + ": " + MimeUtility.fold(f[0].length() + 2, f[1]) + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(body);
		return out.toByteArray();
	}

	/**
	 * A stored message with more header fields put on top (the per-recipient ones: List-Unsubscribe, ...).
	 * The values must be one line of ASCII.
	 */
	public static byte[] withHeaders(byte[] message, Map<String, String> headers) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 512);
		headers.forEach((name, value) -> {
			oneLine(value);
			out.writeBytes((name + ": " + MimeUtility.fold(name.length() + 2, value) + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		});
		out.writeBytes(message);
		return out.toByteArray();
	}

	private void removeAfter(String[] kept, String name) {
		boolean[] seen = { false };
		fields.removeIf(f -> {
			if (f == kept) {
				seen[0] = true;
				return false;
			}
			return seen[0] && f[0].equalsIgnoreCase(name);
		});
	}

	private static String encode(String value) {
		if (value.chars().allMatch(c -> c >= 32 && c < 127)) {
			return value;
		}
		try {
			return MimeUtility.encodeText(value, "UTF-8", "Q");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void oneLine(String value) {
		if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("A header value must be one line (no CR, LF or NUL)");
		}
	}

	private static byte[] quotedPrintable(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream qp = MimeUtility.encode(bytes, "quoted-printable")) {
			qp.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	private static boolean endsWithCrlf(byte[] b) {
		return b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n';
	}

	/** Bare LF (and bare CR) line ends become CRLF, as SMTP needs. */
	private static byte[] crlf(byte[] raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
		for (int i = 0; i < raw.length; i++) {
			byte b = raw[i];
			if (b == '\n' && (i == 0 || raw[i - 1] != '\r')) {
				out.write('\r');
			}
			out.write(b);
			if (b == '\r' && (i + 1 == raw.length || raw[i + 1] != '\n')) {
				out.write('\n');
			}
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] randomBytes() {
		byte[] b = new byte[12];
		random.nextBytes(b);
		return b;
	}

}
