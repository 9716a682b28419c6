package org.listserv.mail;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends notices.
 *
 * @param interval how often due notices are looked for (besides right after each new one), default 10s
 * @param batchSize notices sent per round, default 50
 * @param retryDelays waits after the 1st, 2nd, ... failed attempt; the last repeats (default 1m, 5m, 30m, 2h, 6h)
 * @param giveUpAfter a notice still unsent this long after it was written is marked FAILED (default 3d)
 */
@ConfigurationProperties("listserv.mail.outbox")
public record OutboxProperties(@DefaultValue("10s") Duration interval, @DefaultValue("50") int batchSize,
		@DefaultValue({ "1m", "5m", "30m", "2h", "6h" }) List<Duration> retryDelays,
		@DefaultValue("3d") Duration giveUpAfter) {

	Duration delayAfter(int attempts) {
		return retryDelays.get(Math.min(Math.max(attempts, 1), retryDelays.size()) - 1);
	}

}
