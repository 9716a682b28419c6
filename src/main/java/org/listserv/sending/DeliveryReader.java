package org.listserv.sending;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * One worker of the send step: claims a range of the campaign's deliveries ({@link SendPartitions}), reads the
 * rows still to send in it a page at a time by keyset on the id, and when the range has nothing more, marks
 * it done for this round and claims the next, until no range is left free. Workers on this instance and on
 * others sharing the database take different ranges, so a delivery has one sender at a time.
 * <p>
 * It keeps no position across restarts and needs none: a row leaves QUEUED in the transaction of the chunk
 * that sent it, so after a crash the rows of the chunk in flight are simply read again. Before each page it
 * looks at the campaign: paused, cancelled or an expired alert end the worker (nothing more is read, and
 * the range it held is given back).
 */
class DeliveryReader implements ItemReader<Delivery> {

	private final long campaignId;

	private final long round;

	private final String owner;

	private final Deliveries deliveries;

	private final SendPartitions partitions;

	private final CampaignService campaigns;

	private final int pageSize;

	private final Duration lease;

	private final Deque<Delivery> page = new ArrayDeque<>();

	private SendPartitions.Partition current;

	private long lastId;

	private boolean done;

	DeliveryReader(long campaignId, long round, String owner, Deliveries deliveries, SendPartitions partitions,
			CampaignService campaigns, int pageSize, Duration lease) {
		this.campaignId = campaignId;
		this.round = round;
		this.owner = owner;
		this.deliveries = deliveries;
		this.partitions = partitions;
		this.campaigns = campaigns;
		this.pageSize = pageSize;
		this.lease = lease;
	}

	@Override
	public Delivery read() {
		while (page.isEmpty() && !done) {
			Campaign c = campaigns.get(campaignId);
			boolean expired = c.expiresAt() != null && c.expiresAt().isBefore(OffsetDateTime.now());
			if (c.status() != CampaignStatus.SENDING || expired) {
				stop();
				break;
			}
			if (current == null || !partitions.renew(current.id(), owner, lease)) {
				Optional<SendPartitions.Partition> next = partitions.claim(campaignId, round, owner, lease);
				if (next.isEmpty()) {
					stop();
					break;
				}
				current = next.get();
				lastId = current.firstId() - 1;
			}
			List<Delivery> due = deliveries.nextDue(campaignId, lastId, current.lastId(), pageSize);
			if (due.isEmpty()) {
				partitions.done(current.id(), owner, round);
				current = null;
				continue;
			}
			page.addAll(due);
			lastId = page.peekLast().id();
		}
		return page.poll();
	}

	private void stop() {
		done = true;
		current = null;
		partitions.release(owner);
	}

}
