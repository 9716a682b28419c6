package org.listserv.posting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignSource;
import org.listserv.composing.CampaignStatus;
import org.listserv.sending.CampaignSending;
import org.listserv.sending.DeliveryLedger;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands an accepted post to the sending pipeline: a campaign row with source POST (already SENDING), one
 * QUEUED delivery per recipient written in the same transaction as the post's new state, and the send job
 * launched after the commit. A crash before the commit loses nothing (the inbound message is processed
 * again); after it, the send job's recovery and retries take over as for any campaign.
 */
@Component
class PostDistribution {

	private static final Logger log = LoggerFactory.getLogger(PostDistribution.class);

	private final PostDecorators decorators;

	private final CampaignService campaigns;

	private final DeliveryLedger ledger;

	private final CampaignSending sending;

	private final Posts posts;

	PostDistribution(PostDecorators decorators, CampaignService campaigns, DeliveryLedger ledger,
			CampaignSending sending, Posts posts) {
		this.decorators = decorators;
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.sending = sending;
		this.posts = posts;
	}

	/** Decorates and queues the post; must run in a transaction. Returns how many members will get it. */
	int distribute(long postId, PostContext post) {
		byte[] decorated = decorators.decorate(post);
		String subject = post.message().subject();
		long campaignId = campaigns.createStored(post.list().id(), CampaignSource.POST, subject.isEmpty() ? "(no subject)" : subject,
				post.message().fromName(), post.listAddress(), post.senderValue());
		int recipients = ledger.snapshotPostRecipients(post.list().id(), campaignId, post.senderValue());
		posts.distributed(postId, decorated, campaignId);
		if (recipients == 0) {
			campaigns.transition(campaignId, CampaignStatus.SENT, CampaignStatus.SENDING);
		}
		else if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sending.launchStored(campaignId);
				}
			});
		}
		else {
			sending.launchStored(campaignId);
		}
		log.info("Post {} to {}: {} recipients (campaign {})", postId, post.list().slug(), recipients, campaignId);
		return recipients;
	}

}
