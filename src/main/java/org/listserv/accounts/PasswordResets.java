package org.listserv.accounts;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code password_resets} table. */
@Repository
class PasswordResets {

	private final JdbcClient jdbc;

	PasswordResets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long userId, String hash, Duration validity) {
		jdbc.sql("""
				insert into password_resets (user_id, token_hash, expires_at)
				values (:user, :hash, now() + make_interval(secs => :secs))
				""").param("user", userId).param("hash", hash).param("secs", validity.toSeconds()).update();
	}

	/** The account of a link that is unused and unexpired, without using it. */
	Optional<Long> valid(String hash) {
		return jdbc.sql("""
				select r.user_id from password_resets r join users u on u.id = r.user_id
				where r.token_hash = :hash and r.used_at is null and r.expires_at > now() and u.enabled
				""").param("hash", hash).query(Long.class).optional();
	}

	/**
	 * Uses the link: its account if it was unused and unexpired (of two concurrent uses, one gets it), and
	 * every other open link of that account is used up with it.
	 */
	Optional<Long> use(String hash) {
		Optional<Long> user = jdbc.sql("""
				update password_resets set used_at = now()
				where token_hash = :hash and used_at is null and expires_at > now()
				returning user_id
				""").param("hash", hash).query(Long.class).optional();
		user.ifPresent(id -> jdbc.sql("update password_resets set used_at = now() where user_id = :user and used_at is null")
			.param("user", id).update());
		return user;
	}

}
