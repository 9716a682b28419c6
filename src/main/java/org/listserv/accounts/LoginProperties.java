package org.listserv.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How password guessing is slowed (see {@link LoginThrottle} for the model).
 *
 * @param freeFailures wrong passwords a counter takes before it delays anything, default 5
 * @param firstDelay the delay after {@code freeFailures} failures; each further failure doubles it, default 1s
 * @param maxDelay the longest delay: nobody is ever locked out for longer, default 5m
 * @param forgetAfter a counter with no failure for this long starts again from zero, default 24h
 * @param trustAfterSuccess an address where an account logged in stays trusted for that account this long, default 30d
 */
@ConfigurationProperties("listserv.accounts.login")
record LoginProperties(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstDelay,
		@DefaultValue("5m") Duration maxDelay, @DefaultValue("24h") Duration forgetAfter,
		@DefaultValue("30d") Duration trustAfterSuccess) {

	LoginProperties {
		if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("listserv.accounts.login: free-failures must be at least 1, and "
					+ "max-delay at least first-delay (above 0)");
		}
	}

	/** The wait after {@code failures} failures: none below the free ones, then doubling up to the maximum. */
	Duration delayAfter(int failures) {
		if (failures < freeFailures) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - freeFailures, 30);
		Duration delay = firstDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

}
