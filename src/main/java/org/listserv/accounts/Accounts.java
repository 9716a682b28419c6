package org.listserv.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findByEmail(String email) {
		return jdbc.sql("""
				select id, email, name, password_hash, role, enabled, created_at, language
				from users where lower(email) = lower(:email)
				""").param("email", email).query(Account.class).optional();
	}

	List<Account> all() {
		return jdbc.sql("""
				select id, email, name, password_hash, role, enabled, created_at, language
				from users order by role, lower(email)
				""").query(Account.class).list();
	}

	long count() {
		return jdbc.sql("select count(*) from users").query(Long.class).single();
	}

	void insert(String email, String name, String passwordHash, Role role) {
		jdbc.sql("insert into users (email, name, password_hash, role) values (:email, :name, :hash, :role)")
			.param("email", email)
			.param("name", name)
			.param("hash", passwordHash)
			.param("role", role.name())
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("update users set enabled = :enabled where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	/** The zone an account chose, empty when it follows the organisation's (or there is no such account). */
	Optional<String> timeZone(String email) {
		return jdbc.sql("select time_zone from users where lower(email) = lower(:email) and time_zone is not null")
			.param("email", email)
			.query(String.class)
			.optional();
	}

	/** Sets (or with null clears) an account's zone. */
	void setTimeZone(String email, String zone) {
		jdbc.sql("update users set time_zone = :zone where lower(email) = lower(:email)")
			.param("zone", zone)
			.param("email", email)
			.update();
	}

	/** The language an account chose, empty when it follows the browser's (or there is no such account). */
	Optional<String> language(String email) {
		return jdbc.sql("select language from users where lower(email) = lower(:email) and language is not null")
			.param("email", email)
			.query(String.class)
			.optional();
	}

	/** Sets (or with null clears) an account's language. */
	void setLanguage(String email, String language) {
		jdbc.sql("update users set language = :language where lower(email) = lower(:email)")
			.param("language", language)
			.param("email", email)
			.update();
	}

}
