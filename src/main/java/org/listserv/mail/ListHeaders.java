package org.listserv.mail;

import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.internet.MimeUtility;

/**
 * The list headers of mail sent for a list: RFC 2919 {@code List-Id}, RFC 2369 {@code List-Unsubscribe}
 * (the personal link and the {@code {slug}-unsubscribe@} address) and RFC 8058
 * {@code List-Unsubscribe-Post} for one-click unsubscribe.
 */
public final class ListHeaders {

	private ListHeaders() {
	}

	/**
	 * {@code "Name" <slug.domain>}; a double quote in the name becomes a single one, and a name outside
	 * printable ASCII becomes an RFC 2047 encoded word (RFC 2919 allows it), so the header stays 7-bit.
	 */
	public static String listId(String listName, String slug, String domain) {
		String name = listName.replace("\"", "'");
		if (!name.chars().allMatch(c -> c >= 32 && c < 127)) {
			try {
				return MimeUtility.encodeWord(name, "UTF-8", "B") + " <" + slug + "." + domain + ">";
			}
			catch (UnsupportedEncodingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return "\"" + name + "\" <" + slug + "." + domain + ">";
	}

	/** List-Id only: for mail that is not to a member (no unsubscribe link). */
	public static Map<String, String> of(String listName, String slug, String domain) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Id", listId(listName, slug, domain));
		return headers;
	}

	/** List-Id, List-Unsubscribe and List-Unsubscribe-Post for mail to a member. */
	public static Map<String, String> forMember(String listName, String slug, String domain, String unsubscribeUrl) {
		Map<String, String> headers = of(listName, slug, domain);
		headers.putAll(unsubscribeHeaders(slug, domain, unsubscribeUrl));
		return headers;
	}

	/** List-Unsubscribe and List-Unsubscribe-Post only: added per member to a stored post or digest. */
	public static Map<String, String> unsubscribeHeaders(String slug, String domain, String unsubscribeUrl) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">, <mailto:"
				+ new ListAddress(slug, ListAddress.Role.UNSUBSCRIBE, null).localPart() + "@" + domain + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		return headers;
	}

}
