package org.listserv.web;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Where the zones that {@link Times} shows times in are kept: the organisation's and each account's.
 * Implemented by accounts, which owns them; web only asks.
 */
public interface TimeZones {

	/** The organisation's zone: the one an admin set, else {@code listserv.web.time-zone}. */
	ZoneId organisation();

	/** The zone an account chose for itself, empty when it follows the organisation's. */
	Optional<ZoneId> account(String email);

}
