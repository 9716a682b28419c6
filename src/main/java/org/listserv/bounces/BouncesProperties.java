package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of bounce handling ({@code listserv.bounces.*}; defaults in
 * {@code batch-jobs/process-bounces/job.properties}).
 *
 * @param threshold the bounce score at which an active member is disabled, unless the list sets its own
 * @param hardWeight what a hard bounce adds to the score
 * @param softWeight what a soft bounce adds to the score
 * @param staleAfter a bounce this long after the last counted one starts the score again from zero
 * @param warnings warnings a disabled member gets (the notice when disabled is the first) before removal
 * @param warningInterval the time between two warnings, and from the last warning to removal
 * @param chunkSize items per chunk of the process-bounces job (one transaction)
 * @param interval how often the job runs in the background
 * @param background whether the job runs on a schedule in this process
 * @param messageBudget how long reading one message may take; past it the message goes to review
 *        ("too costly to read automatically") and the job goes on with the next
 */
@ConfigurationProperties("listserv.bounces")
public record BouncesProperties(@DefaultValue("5.0") BigDecimal threshold, @DefaultValue("1.0") BigDecimal hardWeight,
		@DefaultValue("0.5") BigDecimal softWeight, @DefaultValue("7d") Duration staleAfter,
		@DefaultValue("3") int warnings, @DefaultValue("7d") Duration warningInterval,
		@DefaultValue("50") int chunkSize, @DefaultValue("60s") Duration interval,
		@DefaultValue("true") boolean background, @DefaultValue("5s") Duration messageBudget) {

	public BouncesProperties {
		if (threshold.signum() <= 0) {
			throw new IllegalArgumentException("listserv.bounces.threshold must be positive");
		}
		if (warnings < 0 || chunkSize < 1 || warningInterval.isNegative() || staleAfter.isNegative()
				|| interval.isNegative() || interval.isZero() || messageBudget.isNegative() || messageBudget.isZero()) {
			throw new IllegalArgumentException("listserv.bounces: warnings >= 0, chunk-size >= 1, "
					+ "warning-interval, stale-after >= 0, interval and message-budget > 0");
		}
	}

	BounceScoring scoring() {
		return new BounceScoring(hardWeight, softWeight, staleAfter);
	}

}
