package org.listserv.posting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.composing.CampaignSource;
import org.listserv.sending.DeliveryLedger;


import org.springframework.stereotype.Component;

/**
 * Hands an accepted post to the sending pipeline: a campaign row with source POST (already SENDING), one
 * QUEUED delivery per recipient written in the same transaction as the post's new state, and the send job
 * launched after the commit ({@link StoredSends}). A crash before the commit loses nothing (the inbound message is processed
 * again); after it, the send job's recovery and retries take over as for any campaign.
 */
@Component
class PostDistribution {

	private static final Logger log = LoggerFactory.getLogger(PostDistribution.class);

	private final PostDecorators decorators;

	private final StoredSends sends;

	private final DeliveryLedger ledger;

	private final Posts posts;

	PostDistribution(PostDecorators decorators, StoredSends sends, DeliveryLedger ledger, Posts posts) {
		this.decorators = decorators;
		this.sends = sends;
		this.ledger = ledger;
		this.posts = posts;
	}

	/** Decorates and queues the post; must run in a transaction. Returns how many members will get it. */
	int distribute(long postId, PostContext post) {
		byte[] decorated = decorators.decorate(post);
		String subject = post.message().subject();
		StoredSends.Queued queued = sends.queue(post.list().id(), CampaignSource.POST, subject.isEmpty() ? "(no subject)" : subject,
				post.message().fromName(), post.listAddress(), post.senderValue(), campaignId -> {
					int n = ledger.snapshotPostRecipients(post.list().id(), campaignId, post.senderValue());
					posts.distributed(postId, decorated, campaignId);
					return n;
				});
		log.info("Post {} to {}: {} recipients (campaign {})", postId, post.list().slug(), queued.recipients(),
				queued.campaignId());
		return queued.recipients();
	}

}
