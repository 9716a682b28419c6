package org.listserv.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.listserv.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's model (see {@link LoginThrottle}), on a clock that moves only when told. */
class LoginThrottleTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

	final LoginThrottle throttle = new LoginThrottle(
			new LoginProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofDays(30)),
			clock);

	/** One attempt with a wrong password: true if it was evaluated. */
	private boolean guess(String user, String address) {
		if (throttle.check(user, address).isPresent()) {
			return false;
		}
		throttle.failed(user, address);
		return true;
	}

	@Test
	void delaysGrowFromTheSixthGuessAndStopAtTheMaximum() {
		for (int i = 0; i < 5; i++) {
			assertThat(guess("a@example.org", "192.0.2.1")).isTrue();
		}
		assertThat(throttle.check("a@example.org", "192.0.2.1")).contains(Duration.ofSeconds(1));
		Duration last = Duration.ZERO;
		for (int i = 0; i < 12; i++) {
			Duration wait = throttle.check("a@example.org", "192.0.2.1").orElseThrow();
			assertThat(wait).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(Duration.ofMinutes(5));
			clock.advance(wait);
			assertThat(guess("a@example.org", "192.0.2.1")).as("evaluated once the delay has passed").isTrue();
			last = wait;
		}
		assertThat(throttle.check("a@example.org", "192.0.2.1")).contains(Duration.ofMinutes(5));
	}

	@Test
	void evaluatesTwentyFourOfOneHundredEightyGuessesFromTwentyAddresses() {
		int evaluated = 0;
		for (int address = 1; address <= 20; address++) {
			for (int i = 0; i < 9; i++) {
				evaluated += guess("spread@example.org", "198.51.100." + address) ? 1 : 0;
			}
		}
		assertThat(evaluated).as("five free guesses, then one per fresh address").isEqualTo(5 + 19);
	}

	@Test
	void anAddressThatHasNotBeenFailingIsEvaluatedDuringAnAttack() {
		for (int i = 0; i < 200; i++) {
			guess("admin@example.org", "192.0.2.66");
		}
		assertThat(throttle.check("admin@example.org", "192.0.2.77")).isEmpty();
		throttle.succeeded("admin@example.org", "192.0.2.77");
		assertThat(throttle.check("admin@example.org", "192.0.2.66")).isPresent();
	}

	@Test
	void aTrustedAddressThatMistypesIsNotSlowedByAnAttackElsewhere() {
		assertThat(throttle.check("admin@example.org", "192.0.2.10")).isEmpty();
		throttle.succeeded("admin@example.org", "192.0.2.10");
		for (int address = 1; address <= 30; address++) {
			guess("admin@example.org", "203.0.113." + address);
			guess("admin@example.org", "203.0.113." + address);
		}
		assertThat(guess("admin@example.org", "192.0.2.10")).as("a typo at the usual address").isTrue();
		assertThat(guess("admin@example.org", "192.0.2.10")).isTrue();
		assertThat(throttle.check("admin@example.org", "192.0.2.10")).isEmpty();
	}

	@Test
	void oneAddressCannotSprayManyAccounts() {
		for (int i = 0; i < 5; i++) {
			assertThat(guess("user" + i + "@example.org", "192.0.2.99")).isTrue();
		}
		assertThat(throttle.check("user5@example.org", "192.0.2.99")).as("a sixth account from the same address")
			.contains(Duration.ofSeconds(1));
	}

	@Test
	void theFirstAttemptAfterADelayHoldsTheSlotUntilItsOutcomeIsKnown() {
		for (int i = 0; i < 6; i++) {
			guess("a@example.org", "192.0.2.1");
			clock.advance(throttle.check("a@example.org", "192.0.2.1").orElse(Duration.ZERO));
		}
		assertThat(throttle.check("a@example.org", "192.0.2.1")).as("this one may go").isEmpty();
		Optional<Duration> concurrent = throttle.check("a@example.org", "192.0.2.1");
		assertThat(concurrent).as("a second attempt at the same moment waits").isPresent();
	}

	@Test
	void aSuccessClearsItsPairAndAddressButNotTheAccount() {
		for (int i = 0; i < 5; i++) {
			guess("a@example.org", "192.0.2.1");
		}
		guess("a@example.org", "192.0.2.2");
		clock.advance(Duration.ofMinutes(1));
		assertThat(throttle.check("a@example.org", "192.0.2.1")).isEmpty();
		throttle.succeeded("a@example.org", "192.0.2.1");
		assertThat(throttle.check("a@example.org", "192.0.2.2")).as("the other failing address still waits for the account")
			.isPresent();
	}

	@Test
	void forgetsACounterAfterAQuietDay() {
		for (int i = 0; i < 8; i++) {
			guess("a@example.org", "192.0.2.1");
			clock.advance(throttle.check("a@example.org", "192.0.2.1").orElse(Duration.ZERO));
		}
		clock.advance(Duration.ofHours(25));
		for (int i = 0; i < 5; i++) {
			assertThat(guess("a@example.org", "192.0.2.1")).as("five free guesses again").isTrue();
		}
		assertThat(throttle.check("a@example.org", "192.0.2.1")).contains(Duration.ofSeconds(1));
	}

}
