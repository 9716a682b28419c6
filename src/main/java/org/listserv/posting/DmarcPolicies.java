package org.listserv.posting;

import java.util.Locale;

/** The DMARC policy an author's domain publishes ({@code _dmarc.{domain}} TXT, RFC 7489). */
interface DmarcPolicies {

	/** The policies that matter here: mail "from" such a domain sent by the list would fail DMARC. */
	enum Policy {

		NONE, QUARANTINE, REJECT;

		boolean strict() {
			return this != NONE;
		}

		/** {@code none}, {@code quarantine}, {@code reject} in any case; anything else is NONE. */
		static Policy parse(String value) {
			return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
				case "reject" -> REJECT;
				case "quarantine" -> QUARANTINE;
				default -> NONE;
			};
		}

	}

	Policy policy(String domain);

	/** The {@code p=} tag of a DMARC record, or null if the text is not a DMARC record. */
	static Policy parseRecord(String txt) {
		if (txt == null || !txt.strip().toLowerCase(Locale.ROOT).startsWith("v=dmarc1")) {
			return null;
		}
		for (int start = 0, end; start < txt.length(); start = end + 1) {
			end = txt.indexOf(';', start) < 0 ? txt.length() : txt.indexOf(';', start);
			String tag = txt.substring(start, end);
			int eq = tag.indexOf('=');
			if (eq > 0 && tag.substring(0, eq).strip().equalsIgnoreCase("p")) {
				return Policy.parse(tag.substring(eq + 1));
			}
		}
		return Policy.NONE;
	}

}
