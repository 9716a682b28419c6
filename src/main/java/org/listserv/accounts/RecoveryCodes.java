package org.listserv.accounts;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recovery_codes} table. */
@Repository
class RecoveryCodes {

	/** An unused code's row. */
	record Unused(long id, String codeHash) {
	}

	private final JdbcClient jdbc;

	RecoveryCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the account's codes by these (hashed) ones. */
	void replace(long userId, List<String> hashes) {
		deleteAll(userId);
		for (String hash : hashes) {
			jdbc.sql("insert into recovery_codes (user_id, code_hash) values (:user, :hash)")
				.param("user", userId).param("hash", hash).update();
		}
	}

	void deleteAll(long userId) {
		jdbc.sql("delete from recovery_codes where user_id = :user").param("user", userId).update();
	}

	List<Unused> unused(long userId) {
		return jdbc.sql("select id, code_hash from recovery_codes where user_id = :user and used_at is null order by id")
			.param("user", userId).query(Unused.class).list();
	}

	int countUnused(long userId) {
		return jdbc.sql("select count(*) from recovery_codes where user_id = :user and used_at is null")
			.param("user", userId).query(Integer.class).single();
	}

	/** Marks a code used; false if it was used meanwhile (two attempts with the same code let one through). */
	boolean use(long id) {
		return jdbc.sql("update recovery_codes set used_at = now() where id = :id and used_at is null")
			.param("id", id).update() == 1;
	}

}
