package org.listserv.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Pattern;

import org.apache.commons.codec.binary.Base32;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code confirmation_tokens} table. A token is 160 random bits in lower-case base32 (32
 * characters that survive an MTA lower-casing the {@code -confirm+TOKEN@} address); only its SHA-256 is
 * stored.
 */
@Repository
class ConfirmationTokens {

	private static final Pattern TOKEN = Pattern.compile("[a-zA-Z2-7]{32}");

	/** {@code language}: the language the request asked for (a stored tag), null when it named none. */
	record Token(long id, TokenPurpose purpose, long subscriberId, long listId, OffsetDateTime expiresAt,
			OffsetDateTime usedAt, String language) {

		boolean expired() {
			return expiresAt.isBefore(OffsetDateTime.now());
		}

	}

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ConfirmationTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String create(TokenPurpose purpose, long subscriberId, long listId, Duration validity) {
		return create(purpose, subscriberId, listId, validity, null);
	}

	String create(TokenPurpose purpose, long subscriberId, long listId, Duration validity, String language) {
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		String token = new Base32().encodeAsString(bytes).toLowerCase(Locale.ROOT).replace("=", "");
		jdbc.sql("""
				insert into confirmation_tokens (token_hash, purpose, subscriber_id, list_id, expires_at, language)
				values (:hash, :purpose, :subscriber, :list, now() + make_interval(secs => :seconds), :language)
				""")
			.param("language", language)
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.param("subscriber", subscriberId)
			.param("list", listId)
			.param("seconds", (double) validity.toSeconds())
			.update();
		return token;
	}

	Optional<Token> find(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id, purpose, subscriber_id, list_id, expires_at, used_at, language
				from confirmation_tokens where token_hash = :hash
				""").param("hash", hash(token.toLowerCase(Locale.ROOT))).query(Token.class).optional();
	}

	/** Marks the token used; false if it already was (so only one request wins). */
	boolean use(long id) {
		return jdbc.sql("update confirmation_tokens set used_at = now() where id = :id and used_at is null")
			.param("id", id)
			.update() == 1;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
