package org.listserv.accounts;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.listserv.web.TimeZones;
import org.listserv.web.Times;
import org.listserv.web.ZoneProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's time zone (set by an admin; until then {@code listserv.web.time-zone}) and each
 * account's own (empty: the organisation's). A zone id the JDK no longer knows, stored by an older version,
 * falls back rather than breaking every page.
 */
@Service
class AccountTimeZones implements TimeZones {

	/** The zones offered in the pickers: every IANA region id the JDK knows, sorted, and UTC first. */
	static final List<String> CHOICES = java.util.stream.Stream
		.concat(java.util.stream.Stream.of("UTC"),
				ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
						&& !z.startsWith("SystemV/")).sorted())
		.toList();

	private final OrganisationSettings settings;

	private final Accounts accounts;

	private final ZoneProperties properties;

	AccountTimeZones(OrganisationSettings settings, Accounts accounts, ZoneProperties properties) {
		this.settings = settings;
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public ZoneId organisation() {
		return settings.timeZone().flatMap(AccountTimeZones::known)
			.orElseGet(() -> ZoneId.of(properties.timeZone().strip()));
	}

	@Override
	public Optional<ZoneId> account(String email) {
		return accounts.timeZone(email).flatMap(AccountTimeZones::known);
	}

	/** Whether the organisation's zone was set on the settings page (else it is the configured default). */
	boolean organisationSet() {
		return settings.timeZone().isPresent();
	}

	@Transactional
	void setOrganisation(String zone, String by) {
		settings.setTimeZone(Times.zone("timeZone", zone).getId(), by);
	}

	/** Sets the account's zone; blank follows the organisation's. */
	@Transactional
	void setAccount(String email, String zone) {
		if (zone == null || zone.isBlank()) {
			accounts.setTimeZone(email, null);
			return;
		}
		accounts.setTimeZone(email, Times.zone("timeZone", zone).getId());
	}

	private static Optional<ZoneId> known(String id) {
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

}
