package org.listserv.accounts;

import java.time.OffsetDateTime;

/** A person who logs in to the web UI or the API; {@code language} null: the browser's. */
record Account(long id, String email, String name, String passwordHash, Role role, boolean enabled,
		OffsetDateTime createdAt, String language) {
}
