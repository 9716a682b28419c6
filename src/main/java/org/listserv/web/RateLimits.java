package org.listserv.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits (Bucket4j) for public pages and automatic replies: per client address, per
 * email address, per whatever key a caller names. In memory, per instance; a restart forgets, which
 * is acceptable for abuse control. The buckets live in a bounded Caffeine cache: a bucket untouched for
 * its own period is full again, so it is dropped then (nothing is lost by forgetting it), and a flood of
 * distinct keys past {@value #MAX_KEYS} evicts the rarely used ones, not the limits in use.
 */
@Component
public class RateLimits {

	static final int MAX_KEYS = 100_000;

	private record Key(String name, int count, Duration period) {
	}

	private final Cache<Key, Bucket> buckets;

	RateLimits() {
		this(Ticker.systemTicker());
	}

	RateLimits(Ticker ticker) {
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_KEYS)
			.expireAfter(Expiry.accessing((Key key, Bucket bucket) -> key.period()))
			.ticker(ticker)
			// eviction and expiry run on the caller's thread: a few microseconds, and no pool to wait for
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Takes one token from the bucket {@code key}, which allows {@code count} per {@code period}.
	 * @return false when the limit is reached
	 */
	public boolean tryAcquire(String key, int count, Duration period) {
		Bucket bucket = buckets.get(new Key(key, count, period), k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(count).refillGreedy(count, period).build())
			.build());
		return bucket.tryConsume(1);
	}

	/** Runs pending evictions now (for tests). */
	void cleanUp() {
		buckets.cleanUp();
	}

	long size() {
		return buckets.estimatedSize();
	}

}
