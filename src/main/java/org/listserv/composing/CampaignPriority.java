package org.listserv.composing;

/** How urgently an action alert goes out (ACTION lists only); the send job takes higher ones first. */
public enum CampaignPriority {

	NORMAL, HIGH, URGENT

}
