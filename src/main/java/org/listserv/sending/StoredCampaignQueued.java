package org.listserv.sending;

/**
 * A stored campaign (a member's post, a digest: a row already SENDING, message stored) had its recipients'
 * deliveries written, QUEUED, in the publishing transaction. Sending starts its send job after the commit. If
 * the application stops in between, nothing is lost: the campaign and its deliveries are committed, and the
 * scheduler starts a SENDING campaign whose send never started (a minute on, at its next tick).
 */
public record StoredCampaignQueued(long campaignId) {
}
