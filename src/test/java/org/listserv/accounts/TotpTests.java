package org.listserv.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The SHA-1 secret of RFC 6238's test vectors. */
	private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static Clock at(long epochSecond) {
		return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
	}

	@Test
	void computesTheCodesOfRfc6238sTestVectorsInSixDigits() {
		// RFC 6238 appendix B, SHA-1: T=59 gives 94287082, T=1111111109 gives 07081804 (eight digits; six are the last six)
		assertThat(Totp.at(SECRET, 59 / 30)).isEqualTo("287082");
		assertThat(Totp.at(SECRET, 1111111109L / 30)).isEqualTo("081804");
	}

	@Test
	void acceptsTheCodeOfTheStepBeforeAndAfterButNotFurther() {
		long now = 1111111109L;
		long step = now / 30;
		assertThat(Totp.match(SECRET, Totp.at(SECRET, step), at(now))).hasValue(step);
		assertThat(Totp.match(SECRET, Totp.at(SECRET, step - 1), at(now))).hasValue(step - 1);
		assertThat(Totp.match(SECRET, Totp.at(SECRET, step + 1), at(now))).hasValue(step + 1);
		assertThat(Totp.match(SECRET, Totp.at(SECRET, step - 2), at(now))).isEmpty();
		assertThat(Totp.match(SECRET, Totp.at(SECRET, step + 2), at(now))).isEmpty();
	}

	@Test
	void refusesAnythingButSixDigits() {
		assertThat(Totp.match(SECRET, "28708", at(59))).isEmpty();
		assertThat(Totp.match(SECRET, "2870822", at(59))).isEmpty();
		assertThat(Totp.match(SECRET, "28708a", at(59))).isEmpty();
		assertThat(Totp.match(SECRET, null, at(59))).isEmpty();
	}

	@Test
	void theUriCarriesTheBase32SecretAndTheAppsParameters() {
		assertThat(Totp.base32(SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.uri("lists.example.org", "a b@example.org", SECRET)).isEqualTo(
				"otpauth://totp/lists.example.org:a%20b%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
						+ "&issuer=lists.example.org&algorithm=SHA1&digits=6&period=30");
	}

}
