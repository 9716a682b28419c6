package org.listserv.sending;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the send job ({@code listserv.sending.*}; the job's own defaults are in
 * {@code batch-jobs/send-campaign/job.properties}).
 *
 * @param chunkSize deliveries per chunk: one transaction and one SMTP connection each, default 200
 * @param connections SMTP connections a chunk is sent over at once, default 4
 * @param retryDelays waits after each deferral (the last repeats), default 5m,30m,2h,6h
 * @param giveUpAfter a delivery still deferred this long after the snapshot is FAILED, default 3d
 * @param schedulerInterval how often due campaigns and due retries are looked for, default 30s
 * @param relays SMTP relays ({@code host}, {@code port} 25, {@code username}, {@code password}, {@code weight} 1);
 * each chunk goes to one chosen at random by weight; empty (the default) means Boot's {@code spring.mail.*}
 */
@ConfigurationProperties("listserv.sending")
public record SendingProperties(@DefaultValue("200") int chunkSize, @DefaultValue("4") int connections,
		@DefaultValue({ "5m", "30m", "2h", "6h" }) List<Duration> retryDelays, @DefaultValue("3d") Duration giveUpAfter,
		@DefaultValue("30s") Duration schedulerInterval, @DefaultValue List<Relay> relays) {

	/** One SMTP relay. */
	public record Relay(String host, @DefaultValue("25") int port, String username, String password,
			@DefaultValue("1") int weight) {
	}

	/** The wait after the {@code attempts}-th failed attempt (1-based). */
	Duration delayAfter(int attempts) {
		return retryDelays.get(Math.min(Math.max(attempts, 1), retryDelays.size()) - 1);
	}

}
