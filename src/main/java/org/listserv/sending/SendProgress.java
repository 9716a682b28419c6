package org.listserv.sending;

import java.util.Optional;

import org.listserv.composing.CampaignProgress;

import org.springframework.stereotype.Component;

/** How far a send is, from the ledger: for {@code GET /api/campaigns/{id}} and the campaign page. */
@Component
class SendProgress implements CampaignProgress {

	private final Deliveries deliveries;

	SendProgress(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public java.util.Map<String, VersionCount> perVersion(long id) {
		return deliveries.perLanguage(id);
	}

	/** Deliveries per state, the rate over the last minute, the time left at that rate, the next retry round. */
	@Override
	public Optional<Progress> progress(long id) {
		Deliveries.Counts c = deliveries.counts(id);
		if (c.total() == 0) {
			return Optional.empty();
		}
		return Optional.of(Progress.of(c.queued(), c.sent(), c.deferred(), c.failed(), c.expired(),
				deliveries.sentInLastMinute(id), c.deferred() == 0 ? null : deliveries.nextRetryAt(id).orElse(null)));
	}

}
