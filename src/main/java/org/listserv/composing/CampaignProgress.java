package org.listserv.composing;

import java.util.Map;

/**
 * How far the send of a campaign is, for the API and the campaign page. Implemented by sending; composing
 * only shows it.
 */
public interface CampaignProgress {

	/** Counts per delivery state, rate and ETA; null before the send has started. */
	Map<String, Object> progress(long campaignId);

}
