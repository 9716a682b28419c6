package org.listserv.accounts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * TOTP as authenticator apps expect it (RFC 6238): HMAC-SHA1, 6 digits, 30-second steps; the arithmetic is
 * java-otp's. A code is accepted for its step and the one before and after (clocks drift, people type
 * slowly); which step matched is returned so that the caller can refuse a code used before.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

	private Totp() {
	}

	/** The secret as people type it into an app: base32, upper case, no padding. */
	static String base32(byte[] secret) {
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/** The {@code otpauth://} URI that a QR code hands to an app. */
	static String uri(String issuer, String account, byte[] secret) {
		String label = enc(issuer) + ":" + enc(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + enc(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/** The step of the code among now-1, now, now+1 that equals {@code code}, compared in constant time. */
	static OptionalLong match(byte[] secret, String code, Clock clock) {
		if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		long now = clock.instant().getEpochSecond() / STEP.getSeconds();
		byte[] given = code.getBytes(StandardCharsets.US_ASCII);
		long found = -1;
		for (long step = now - 1; step <= now + 1; step++) {
			// every candidate is compared (no early exit), so timing does not say which step matched
			if (MessageDigest.isEqual(given, at(secret, step).getBytes(StandardCharsets.US_ASCII))) {
				found = step;
			}
		}
		return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
	}

	/** The code of {@code step}. */
	static String at(byte[] secret, long step) {
		try {
			int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"),
					Instant.ofEpochSecond(step * STEP.getSeconds()));
			return String.format(Locale.ROOT, "%06d", code);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("An HMAC-SHA1 key of any length is valid", ex);
		}
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
