package org.listserv.accounts;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organisation_settings} table: one row at most, the settings an admin chose for everyone. */
@Repository
class OrganisationSettings {

	private final JdbcClient jdbc;

	OrganisationSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> timeZone() {
		return jdbc.sql("select time_zone from organisation_settings where time_zone is not null").query(String.class)
			.optional();
	}

	void setTimeZone(String zone, String by) {
		jdbc.sql("""
				insert into organisation_settings (time_zone, updated_by) values (:zone, :by)
				on conflict (id) do update set time_zone = excluded.time_zone, updated_by = excluded.updated_by,
				       updated_at = now()
				""").param("zone", zone).param("by", by).update();
	}

	/** Whether an admin requires two-factor login of every account. */
	boolean twoFactorRequired() {
		return jdbc.sql("select two_factor_required from organisation_settings").query(Boolean.class).optional()
			.orElse(false);
	}

	void setTwoFactorRequired(boolean required, String by) {
		jdbc.sql("""
				insert into organisation_settings (two_factor_required, updated_by) values (:required, :by)
				on conflict (id) do update set two_factor_required = excluded.two_factor_required,
				       updated_by = excluded.updated_by, updated_at = now()
				""").param("required", required).param("by", by).update();
	}

}
