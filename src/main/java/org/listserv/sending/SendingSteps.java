package org.listserv.sending;

import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** What the tasklet steps of the send job do, and the campaign's state when a run fails. */
@Component
class SendingSteps implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(SendingSteps.class);

	private final CampaignService campaigns;

	private final DeliveryLedger ledger;

	private final Deliveries deliveries;

	private final SendPartitions partitions;

	private final SendingProperties properties;

	SendingSteps(CampaignService campaigns, DeliveryLedger ledger, Deliveries deliveries, SendPartitions partitions,
			SendingProperties properties) {
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.deliveries = deliveries;
		this.partitions = partitions;
		this.properties = properties;
	}

	/**
	 * One QUEUED delivery per active member, written once per campaign (a resume or retry adds nobody), cut
	 * into ranges for the workers (also once; in the same transaction as the deliveries).
	 */
	void snapshot(long campaignId) {
		Campaign c = campaigns.get(campaignId);
		if (c.status() == CampaignStatus.SENDING && !deliveries.exist(campaignId)) {
			int n = ledger.snapshotActiveMembers(c.listId(), campaignId, campaigns.versionLanguages(campaignId));
			log.info("Campaign {}: {} recipients queued", campaignId, n);
		}
		int ranges = partitions.create(campaignId, properties.partitionSize());
		if (ranges > 0) {
			log.info("Campaign {}: deliveries cut into {} ranges", campaignId, ranges);
		}
	}

	/** Expires what an expired alert did not send; SENT once nothing is queued or deferred. */
	void finish(long campaignId) {
		Campaign c = campaigns.get(campaignId);
		if (c.status() != CampaignStatus.SENDING) {
			return;
		}
		if (c.expiresAt() != null && c.expiresAt().isBefore(OffsetDateTime.now())) {
			int n = deliveries.expireRemaining(campaignId);
			if (n > 0) {
				log.info("Campaign {} expired: {} deliveries not sent", campaignId, n);
			}
		}
		Deliveries.Counts counts = deliveries.counts(campaignId);
		if (counts.queued() == 0 && counts.deferred() == 0) {
			campaigns.transition(campaignId, CampaignStatus.SENT, CampaignStatus.SENDING);
			log.info("Campaign {} sent: {}", campaignId, counts);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.FAILED) {
			long id = execution.getJobParameters().getLong("campaignId");
			log.warn("Send of campaign {} failed: {}", id, execution.getAllFailureExceptions());
			campaigns.transition(id, CampaignStatus.FAILED, CampaignStatus.SENDING);
		}
	}

}
