package org.listserv.sending;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the deliveries still to send of one campaign, a page at a time, by keyset on the id. It keeps no
 * position across restarts and needs none: a row leaves QUEUED in the transaction of the chunk that sent
 * it, so after a crash the rows of the chunk in flight are simply read again. Before each page it looks at
 * the campaign: paused, cancelled or an expired alert end the step (nothing more is read).
 */
class DeliveryReader implements ItemReader<Delivery> {

	private final long campaignId;

	private final Deliveries deliveries;

	private final CampaignService campaigns;

	private final int pageSize;

	private final Deque<Delivery> page = new ArrayDeque<>();

	private long lastId;

	private boolean done;

	DeliveryReader(long campaignId, Deliveries deliveries, CampaignService campaigns, int pageSize) {
		this.campaignId = campaignId;
		this.deliveries = deliveries;
		this.campaigns = campaigns;
		this.pageSize = pageSize;
	}

	@Override
	public Delivery read() {
		if (page.isEmpty() && !done) {
			Campaign c = campaigns.get(campaignId);
			boolean expired = c.expiresAt() != null && c.expiresAt().isBefore(OffsetDateTime.now());
			if (c.status() != CampaignStatus.SENDING || expired) {
				done = true;
				return null;
			}
			page.addAll(deliveries.nextDue(campaignId, lastId, pageSize));
			if (page.isEmpty()) {
				done = true;
			}
			else {
				lastId = page.peekLast().id();
			}
		}
		return page.poll();
	}

}
