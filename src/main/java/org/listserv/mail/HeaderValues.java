package org.listserv.mail;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Reads header values of received mail within bounds. Mime4J's RFC 2047 decoder and address parser cost
 * some 20 microseconds a character on crafted input ("=?=?=?..."), four seconds for a 200 KB Subject and
 * nine for a From display name of that size, so a value is cut to {@value #MAX_DECODED} characters (a
 * To or Cc list to {@value #MAX_ADDRESSES}) before it is decoded or parsed, and callers parse it once. RFC 5322 lines are at most 998
 * characters; nothing a person wrote is lost to the cut, only what a machine padded.
 */
public final class HeaderValues {

	/** How much of one header value is decoded. */
	public static final int MAX_DECODED = 4096;

	/** How much of an address header (To, Cc) is parsed. */
	public static final int MAX_ADDRESSES = 16 * 1024;

	private HeaderValues() {
	}

	/**
	 * A header value as it can be shown, stored and set again on a message: unfolded, RFC 2047 words decoded,
	 * on one line (a decoded CR, LF or other control character becomes a space, a NUL U+FFFD), stripped.
	 */
	public static String decode(String raw) {
		if (raw == null || raw.isEmpty()) {
			return "";
		}
		String value = raw.length() > MAX_DECODED ? raw.substring(0, MAX_DECODED) : raw;
		String decoded;
		try {
			decoded = DecoderUtil.decodeEncodedWords(unfold(value), DecodeMonitor.SILENT);
		}
		catch (RuntimeException ex) {
			decoded = value;
		}
		return oneLine(decoded);
	}

	/** The addresses of an address-list header (To, Cc), lenient, or an empty list. */
	public static AddressList addresses(String raw) {
		return addresses(raw, MAX_ADDRESSES);
	}

	/** The address of a header naming a sender (From, Sender), lenient: cut as any other value. */
	public static AddressList sender(String raw) {
		return addresses(raw, MAX_DECODED);
	}

	private static AddressList addresses(String raw, int max) {
		if (raw == null || raw.isBlank()) {
			return new AddressList(java.util.List.of(), true);
		}
		String value = raw.length() > max ? raw.substring(0, max) : raw;
		try {
			return LenientAddressParser.DEFAULT.parseAddressList(value);
		}
		catch (RuntimeException ex) {
			return new AddressList(java.util.List.of(), true);
		}
	}

	/** The text on one line: a NUL becomes U+FFFD, other control characters (tab aside) a space. */
	public static String oneLine(String text) {
		StringBuilder sb = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char replaced = c == '\0' ? '\uFFFD' : (c < 0x20 && c != '\t') || c == 0x7f ? ' ' : c;
			if (replaced != c && sb == null) {
				sb = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (sb != null) {
				sb.append(replaced);
			}
		}
		return (sb == null ? text : sb.toString()).strip();
	}

	private static String unfold(String value) {
		if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		StringBuilder sb = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\r' && c != '\n') {
				sb.append(c);
			}
		}
		return sb.toString();
	}

}
