package org.listserv.sending;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.listserv.composing.CampaignProgress;

import org.springframework.stereotype.Component;

/** How far a send is, from the ledger: for {@code GET /api/campaigns/{id}} and the campaign page. */
@Component
class SendProgress implements CampaignProgress {

	private final Deliveries deliveries;

	SendProgress(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** Deliveries per state, the rate over the last minute and the time left at that rate. */
	@Override
	public Map<String, Object> progress(long id) {
		Deliveries.Counts c = deliveries.counts(id);
		if (c.total() == 0) {
			return null;
		}
		long done = c.sent() + c.failed() + c.expired();
		double rate = deliveries.sentInLastMinute(id) / 60.0;
		long left = c.queued() + c.deferred();
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("total", c.total());
		p.put("sent", c.sent());
		p.put("queued", c.queued());
		p.put("deferred", c.deferred());
		p.put("failed", c.failed());
		p.put("expired", c.expired());
		p.put("percent", c.total() == 0 ? 0 : (int) (100 * done / c.total()));
		p.put("ratePerSecond", Math.round(rate * 10) / 10.0);
		p.put("etaSeconds", left == 0 ? 0 : rate > 0 ? Duration.ofSeconds((long) (left / rate)).toSeconds() : null);
		return p;
	}

}
