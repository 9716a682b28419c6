package org.listserv.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits (Bucket4j) for public pages and automatic replies: per client address, per
 * email address, per whatever key a caller names. In memory, per instance; a restart forgets, which
 * is acceptable for abuse control. The map is cleared when it grows past 100,000 keys, so a flood of
 * distinct keys cannot exhaust memory.
 */
@Component
public class RateLimits {

	private static final int MAX_KEYS = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/**
	 * Takes one token from the bucket {@code key}, which allows {@code count} per {@code period}.
	 * @return false when the limit is reached
	 */
	public boolean tryAcquire(String key, int count, Duration period) {
		if (buckets.size() > MAX_KEYS) {
			buckets.clear();
		}
		Bucket bucket = buckets.computeIfAbsent(key + "|" + count + "|" + period, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(count).refillGreedy(count, period).build())
			.build());
		return bucket.tryConsume(1);
	}

}
