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
 * @param workers threads of this instance sending one campaign, each working through its own ranges of the
 * deliveries, default 2
 * @param partitionSize deliveries per range (the unit that workers and instances claim), default 1000
 * @param partitionLease how long a claimed range stays its worker's without a sign of life, default 2m
 * @param joinInterval how often this instance looks for sends of other instances it can help with, default
 * 5s
 * @param instanceId this instance's name in the ledger and in range claims; default host name and a hash of
 * the data folder, stable across restarts (so a restart takes back what it held at once)
 * @param throttleMaxWait the longest a message waits for its domain's rate before it is put off to a later
 * round instead, default 2s
 * @param ratesRefresh how often the rates set by an admin are re-read, default 5s
 * @param dkim DKIM signing ({@code domain}, {@code selector}, {@code key-file}: a PKCS#8 PEM RSA key);
 * off unless all three are set
 */
@ConfigurationProperties("listserv.sending")
public record SendingProperties(@DefaultValue("200") int chunkSize, @DefaultValue("4") int connections,
		@DefaultValue({ "5m", "30m", "2h", "6h" }) List<Duration> retryDelays, @DefaultValue("3d") Duration giveUpAfter,
		@DefaultValue("30s") Duration schedulerInterval, @DefaultValue List<Relay> relays,
		@DefaultValue("2") int workers, @DefaultValue("1000") int partitionSize,
		@DefaultValue("2m") Duration partitionLease, @DefaultValue("5s") Duration joinInterval, String instanceId,
		@DefaultValue("2s") Duration throttleMaxWait, @DefaultValue("5s") Duration ratesRefresh,
		@DefaultValue Dkim dkim) {

	/** DKIM signing of every message sent by the job: on when domain, selector and key file are set. */
	public record Dkim(String domain, String selector, String keyFile,
			@DefaultValue("from:to:subject:date:message-id:list-id:list-unsubscribe:list-unsubscribe-post:mime-version:content-type") String headers) {

		public boolean enabled() {
			return domain != null && !domain.isBlank() && selector != null && !selector.isBlank() && keyFile != null
					&& !keyFile.isBlank();
		}

	}

	/** One SMTP relay. */
	public record Relay(String host, @DefaultValue("25") int port, String username, String password,
			@DefaultValue("1") int weight) {
	}

	/** The wait after the {@code attempts}-th failed attempt (1-based). */
	Duration delayAfter(int attempts) {
		return retryDelays.get(Math.min(Math.max(attempts, 1), retryDelays.size()) - 1);
	}

}
