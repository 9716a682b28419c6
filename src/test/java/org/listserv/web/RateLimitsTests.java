package org.listserv.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTests {

	@Test
	void aFloodOfNewKeysDoesNotResetALimitInUse() {
		RateLimits limits = new RateLimits();
		for (int i = 0; i < 5; i++) {
			assertThat(limits.tryAcquire("notice:someone@example.org", 5, Duration.ofHours(1))).isTrue();
		}
		assertThat(limits.tryAcquire("notice:someone@example.org", 5, Duration.ofHours(1))).isFalse();
		// someone floods with 100,001 new keys while still asking for notices to that address now and then
		for (int i = 0; i <= 100_000; i++) {
			limits.tryAcquire("subscribe:10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 10,
					Duration.ofMinutes(1));
			if (i % 5_000 == 0) {
				assertThat(limits.tryAcquire("notice:someone@example.org", 5, Duration.ofHours(1))).isFalse();
			}
		}
		limits.cleanUp();
		assertThat(limits.tryAcquire("notice:someone@example.org", 5, Duration.ofHours(1)))
			.as("the exhausted per-address notice limit survives 100,001 other keys")
			.isFalse();
	}

	@Test
	void forgetsABucketUntouchedForItsPeriodAndKeepsOneInUse() {
		AtomicLong nanos = new AtomicLong();
		RateLimits limits = new RateLimits(nanos::get);
		assertThat(limits.tryAcquire("subscribe:192.0.2.1", 1, Duration.ofMinutes(1))).isTrue();
		assertThat(limits.tryAcquire("notice:a@example.org", 1, Duration.ofHours(1))).isTrue();
		nanos.addAndGet(Duration.ofMinutes(2).toNanos());
		limits.cleanUp();
		assertThat(limits.size()).as("the one-minute bucket is gone, the one-hour bucket stays").isEqualTo(1);
		assertThat(limits.tryAcquire("notice:a@example.org", 1, Duration.ofHours(1))).isFalse();
		assertThat(limits.tryAcquire("subscribe:192.0.2.1", 1, Duration.ofMinutes(1))).isTrue();
	}

	@Test
	void staysBoundedUnderAFloodOfKeys() {
		RateLimits limits = new RateLimits();
		for (int i = 0; i < RateLimits.MAX_KEYS + 5_000; i++) {
			limits.tryAcquire("k" + i, 1, Duration.ofMinutes(1));
		}
		limits.cleanUp();
		assertThat(limits.size()).isLessThanOrEqualTo(RateLimits.MAX_KEYS);
	}

}
