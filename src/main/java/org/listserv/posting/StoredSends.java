package org.listserv.posting;

import java.util.function.LongToIntFunction;

import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignSource;
import org.listserv.composing.CampaignStatus;
import org.listserv.sending.StoredCampaignQueued;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a member's post and a digest share on their way out: a stored campaign row (already SENDING), its
 * recipients' deliveries written by the caller in the same transaction, and then either SENT at once (nobody
 * to send to) or {@link StoredCampaignQueued}, on which sending starts the send job after the commit.
 */
@Component
class StoredSends {

	private final CampaignService campaigns;

	private final ApplicationEventPublisher events;

	StoredSends(CampaignService campaigns, ApplicationEventPublisher events) {
		this.campaigns = campaigns;
		this.events = events;
	}

	/** The campaign and how many it goes to. */
	record Queued(long campaignId, int recipients) {
	}

	/**
	 * Must run in a transaction. {@code write} stores the caller's side (its row pointing at the campaign, the
	 * deliveries) for the new campaign's id and returns the number of recipients.
	 */
	Queued queue(long listId, CampaignSource source, String subject, String fromName, String fromAddress, String createdBy,
			LongToIntFunction write) {
		long campaignId = campaigns.createStored(listId, source, subject, fromName, fromAddress, createdBy);
		int recipients = write.applyAsInt(campaignId);
		if (recipients == 0) {
			campaigns.transition(campaignId, CampaignStatus.SENT, CampaignStatus.SENDING);
		}
		else {
			events.publishEvent(new StoredCampaignQueued(campaignId));
		}
		return new Queued(campaignId, recipients);
	}

}
