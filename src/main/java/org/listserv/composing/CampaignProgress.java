package org.listserv.composing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How far the send of a campaign is, for the API and the campaign page. Implemented by sending; composing
 * only shows it.
 */
public interface CampaignProgress {

	/** Counts per delivery state, rate and ETA; empty before the send has started. */
	Optional<Progress> progress(long campaignId);

	/**
	 * How many recipients got each version, by language tag (null: the list's default version); empty before
	 * the send has started.
	 */
	default java.util.Map<String, VersionCount> perVersion(long campaignId) {
		return java.util.Map.of();
	}

	/** One version's recipients in the ledger, and how many of them it was already sent to. */
	record VersionCount(long recipients, long sent) {
	}

	/**
	 * One send's progress. Only primitives are computed with: "nothing sent in the last minute" is a state of
	 * its own (paused, waiting for a retry round, the first seconds of a send), not a rate to divide by.
	 *
	 * @param left not sent yet and still to be tried (queued and deferred)
	 * @param sentLastMinute messages sent in the last minute; the rate is this over 60 s
	 * @param etaSeconds seconds left at that rate, 0 when nothing is left, null when the rate says nothing
	 *     (mail left but none sent in the last minute)
	 * @param nextRetryAt when the earliest deferred delivery is due again (UTC), or null
	 */
	record Progress(long total, long sent, long queued, long deferred, long failed, long expired, long left,
			int percent, long sentLastMinute, double ratePerSecond, Long etaSeconds, OffsetDateTime nextRetryAt) {

		/** The progress from the ledger's counts, the messages sent in the last minute and the next retry time. */
		public static Progress of(long queued, long sent, long deferred, long failed, long expired,
				long sentLastMinute, OffsetDateTime nextRetryAt) {
			long total = queued + sent + deferred + failed + expired;
			long done = sent + failed + expired;
			long left = queued + deferred;
			int percent = total == 0 ? 0 : (int) (100 * done / total);
			double rate = Math.round(sentLastMinute / 6.0) / 10.0;
			Long eta = null;
			if (left == 0) {
				eta = 0L;
			}
			else if (sentLastMinute > 0) {
				eta = (left * 60 + sentLastMinute - 1) / sentLastMinute;
			}
			return new Progress(total, sent, queued, deferred, failed, expired, left, percent, sentLastMinute, rate,
					eta, nextRetryAt == null ? null : nextRetryAt.withOffsetSameInstant(ZoneOffset.UTC));
		}

		/** Mail is left but none went out in the last minute. */
		public boolean idle() {
			return left > 0 && sentLastMinute == 0;
		}

	}

}
