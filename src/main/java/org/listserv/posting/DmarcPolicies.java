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
		for (String tag : txt.split(";")) {
			String[] kv = tag.split("=", 2);
			if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("p")) {
				return Policy.parse(kv[1]);
			}
		}
		return Policy.NONE;
	}

}
