package org.listserv.accounts;

import java.util.Locale;

/**
 * What an API token may do: {@code read} (GET, HEAD), {@code write} (other changes), {@code send} (start or
 * steer a send, schedule one), {@code admin} (use the account's ADMIN role). Stored in lower case, as sent.
 */
enum TokenScope {

	READ, WRITE, SEND, ADMIN;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static TokenScope of(String value) {
		for (TokenScope s : values()) {
			if (s.value().equals(value)) {
				return s;
			}
		}
		throw new IllegalArgumentException(value);
	}

}
