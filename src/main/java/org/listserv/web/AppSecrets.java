package org.listserv.web;

import java.security.SecureRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_secrets} table: keys made once and shared by every instance on the database. */
@Repository
class AppSecrets {

	private final JdbcClient jdbc;

	AppSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The secret with this name, made (32 random bytes) if it does not exist yet. */
	byte[] get(String name) {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		jdbc.sql("insert into app_secrets (name, value) values (:name, :value) on conflict (name) do nothing")
			.param("name", name)
			.param("value", fresh)
			.update();
		return jdbc.sql("select value from app_secrets where name = :name").param("name", name).query(byte[].class).single();
	}

}
