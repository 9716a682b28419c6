package org.listserv.composing;

/** Where a campaign is in its life. Only {@link #DRAFT} and {@link #SCHEDULED} may be edited. */
public enum CampaignStatus {

	DRAFT, SCHEDULED, SENDING, PAUSED, SENT, CANCELLED, FAILED;

	public boolean editable() {
		return this == DRAFT || this == SCHEDULED;
	}

}
