package org.listserv.composing;

/**
 * What a {@code campaigns} row carries: a staff campaign written from a template, or a message written
 * elsewhere and sent as it is (a member's post, a digest). Stored as text in {@code campaigns.source}.
 */
public enum CampaignSource {

	CAMPAIGN, POST, DIGEST

}
