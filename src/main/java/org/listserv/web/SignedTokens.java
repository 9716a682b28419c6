package org.listserv.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import com.google.re2j.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Stateless tokens for links in mail (unsubscribe, preferences): a purpose, some ids and an expiry,
 * signed with HMAC-SHA256 under a key kept in the database. They cost no row per message, so every
 * message can carry its own; a token for one purpose is worthless for another, and a changed
 * character breaks it. Format: {@code base64url(payload).base64url(mac[0..16])}.
 */
@Component
public class SignedTokens {

	private static final Pattern DOT = Pattern.compile("\\.");

	private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

	private final AppSecrets secrets;

	private final Clock clock;

	private volatile byte[] key;

	SignedTokens(AppSecrets secrets) {
		this.secrets = secrets;
		this.clock = Clock.systemUTC();
	}

	/** A token for {@code purpose} naming {@code ids}, valid for {@code validity}. */
	public String sign(String purpose, Duration validity, long... ids) {
		StringBuilder payload = new StringBuilder(purpose);
		for (long id : ids) {
			payload.append('.').append(id);
		}
		payload.append('.').append(clock.instant().plus(validity).getEpochSecond());
		byte[] bytes = payload.toString().getBytes(StandardCharsets.US_ASCII);
		return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes));
	}

	/** The ids of a valid, unexpired token of this purpose; empty for anything else. */
	public Optional<long[]> verify(String token, String purpose) {
		if (token == null || token.length() > 300) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 1) {
			return Optional.empty();
		}
		try {
			byte[] payload = DECODE.decode(token.substring(0, dot));
			byte[] mac = DECODE.decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(mac, mac(payload))) {
				return Optional.empty();
			}
			String[] parts = DOT.split(new String(payload, StandardCharsets.US_ASCII));
			if (parts.length < 2 || !parts[0].equals(purpose)
					|| Long.parseLong(parts[parts.length - 1]) < clock.instant().getEpochSecond()) {
				return Optional.empty();
			}
			return Optional.of(Arrays.stream(parts, 1, parts.length - 1).mapToLong(Long::parseLong).toArray());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** One initialised Mac per thread: making one costs more than using it. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private byte[] mac(byte[] payload) {
		return Arrays.copyOf(macs.get().doFinal(payload), 16);
	}

	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			k = secrets.get("link-signing");
			key = k;
		}
		return k;
	}

}
