package org.listserv.accounts;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} table. */
@Repository
class ApiTokens {

	/** A token as listed: never its hash, never the token. */
	record Token(long id, String name, List<String> scopes, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
	}

	/** A live token found by its hash, with its account's standing. */
	record Holder(long tokenId, String email, Role role, List<String> scopes) {
	}

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long userId, String name, List<String> scopes, String hash) {
		return jdbc.sql("""
				insert into api_tokens (user_id, name, scopes, token_hash) values (:user, :name, :scopes, :hash)
				returning id
				""").param("user", userId).param("name", name).param("scopes", scopes.toArray(String[]::new))
			.param("hash", hash).query(Long.class).single();
	}

	List<Token> live(long userId) {
		return jdbc.sql("""
				select id, name, scopes, created_at, last_used_at from api_tokens
				where user_id = :user and revoked_at is null order by created_at, id
				""").param("user", userId)
			.query((rs, n) -> new Token(rs.getLong("id"), rs.getString("name"), strings(rs.getArray("scopes")),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class)))
			.list();
	}

	/** The live token with this hash whose account is enabled. */
	Optional<Holder> find(String hash) {
		return jdbc.sql("""
				select t.id, u.email, u.role, t.scopes from api_tokens t join users u on u.id = t.user_id
				where t.token_hash = :hash and t.revoked_at is null and u.enabled
				""").param("hash", hash)
			.query((rs, n) -> new Holder(rs.getLong("id"), rs.getString("email"), Role.valueOf(rs.getString("role")),
					strings(rs.getArray("scopes"))))
			.optional();
	}

	/** Notes a use; at most once a minute per token, so that a busy script does not write a row per request. */
	void used(long id) {
		jdbc.sql("""
				update api_tokens set last_used_at = now()
				where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')
				""").param("id", id).update();
	}

	/** Revokes the account's own live token; false if it has none with this id. */
	boolean revoke(long userId, long id) {
		return jdbc.sql("update api_tokens set revoked_at = now() where id = :id and user_id = :user and revoked_at is null")
			.param("id", id).param("user", userId).update() == 1;
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
