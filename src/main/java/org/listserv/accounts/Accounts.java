package org.listserv.accounts;

import java.time.OffsetDateTime;
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

	/** What the login gate needs to know of an account, read at every page request. */
	record LoginState(long id, boolean enabled, boolean totpEnabled, OffsetDateTime passwordChangedAt,
			boolean twoFactorRequired) {
	}

	Optional<LoginState> loginState(String email) {
		return jdbc.sql("""
				select id, enabled, totp_enabled_at is not null as totp_enabled, password_changed_at,
				       coalesce((select two_factor_required from organisation_settings), false) as two_factor_required
				from users where lower(email) = lower(:email)
				""").param("email", email).query(LoginState.class).optional();
	}

	/** The sealed TOTP secret of the account (pending or in use), if any. */
	Optional<byte[]> totpSecret(long id) {
		return jdbc.sql("select totp_secret from users where id = :id and totp_secret is not null")
			.param("id", id).query(byte[].class).optional();
	}

	/** Starts an enrolment: a new secret, not in use until {@link #enableTotp}. */
	void setPendingTotp(long id, byte[] sealed) {
		jdbc.sql("update users set totp_secret = :s, totp_enabled_at = null, totp_last_step = null where id = :id")
			.param("s", sealed).param("id", id).update();
	}

	void enableTotp(long id, long step) {
		jdbc.sql("update users set totp_enabled_at = now(), totp_last_step = :step where id = :id")
			.param("step", step).param("id", id).update();
	}

	/**
	 * Takes the code of {@code step} as used: true only if no code of this step or a later one was accepted
	 * before (so a code works once, and concurrent attempts with the same code let one through).
	 */
	boolean acceptStep(long id, long step) {
		return jdbc.sql("""
				update users set totp_last_step = :step
				where id = :id and totp_enabled_at is not null and (totp_last_step is null or totp_last_step < :step)
				""").param("step", step).param("id", id).update() == 1;
	}

	void disableTotp(long id) {
		jdbc.sql("update users set totp_secret = null, totp_enabled_at = null, totp_last_step = null where id = :id")
			.param("id", id).update();
	}

	/** Sets a new password; page sessions logged in with the old one end ({@code password_changed_at}). */
	void setPassword(long id, String hash) {
		jdbc.sql("update users set password_hash = :hash, password_changed_at = now() where id = :id")
			.param("hash", hash).param("id", id).update();
	}

	java.util.Set<Long> withTwoFactor() {
		return new java.util.HashSet<>(jdbc.sql("select id from users where totp_enabled_at is not null").query(Long.class).list());
	}

}
