package org.listserv.composing;

import java.util.Map;
import java.util.Objects;

/**
 * Whom one message is for: what the merge fields show about them, and the links it carries (the member's
 * own only in the real send; see {@link MemberLinks}).
 */
record Recipient(long subscriberId, String email, String name, Map<String, Object> attributes,
		MemberLinks.Links links) {

	Recipient {
		name = name == null ? "" : name;
		attributes = attributes == null ? Map.of() : attributes;
		Objects.requireNonNull(links, "links");
	}

}
