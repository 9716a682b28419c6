package org.listserv.composing;

import java.util.Map;

/** Whom one message is for: what the merge fields show about them, and their personal links. */
record Recipient(long subscriberId, String email, String name, Map<String, Object> attributes, String unsubscribeUrl,
		String preferencesUrl) {

	Recipient {
		name = name == null ? "" : name;
		attributes = attributes == null ? Map.of() : attributes;
	}

}
