package org.listserv.mail;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Takes the tokens that act for a member out of received mail before it is shown: the path part of our
 * unsubscribe, preference, confirmation and archive-access links, and the token of a
 * {@code {slug}-confirm+{token}@} address. A member who replies to a notice quotes their own links, and
 * whoever reads that reply on a page must not be able to act as them. The stored message and the
 * {@code .eml} download stay exactly as received.
 */
public final class PersonalTokens {

	/** What stands where a token was. */
	public static final String REMOVED = "[personal token removed]";

	// signed tokens are base64url with a dot (40+ characters), confirmation tokens 32 base32 characters
	// group 1: our inert preview links (/preview-link/unsubscribe/{slug}), which are left as they are
	private static final Pattern LINK = Pattern.compile(
			"(/preview-link)?(/(?:unsubscribe|preferences|confirm)/|/archive/[a-z0-9-]+/access/)[A-Za-z0-9_.=~-]{16,}");

	private static final Pattern CONFIRM_ADDRESS = Pattern.compile("(-confirm\\+)[A-Za-z0-9]+(@)",
			Pattern.CASE_INSENSITIVE);

	private PersonalTokens() {
	}

	/** The text with every member token replaced by {@link #REMOVED}; null stays null. */
	public static String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		Matcher m = LINK.matcher(text);
		StringBuilder sb = new StringBuilder(text.length());
		while (m.find()) {
			m.appendReplacement(sb, m.group(1) != null ? Matcher.quoteReplacement(m.group()) : "$2" + REMOVED);
		}
		m.appendTail(sb);
		String out = sb.toString();
		return CONFIRM_ADDRESS.matcher(out).replaceAll("$1" + REMOVED + "$2");
	}

}
