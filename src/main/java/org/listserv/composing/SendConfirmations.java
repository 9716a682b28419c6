package org.listserv.composing;

import org.listserv.web.Confirmation;

/**
 * What "Send now" asks before a campaign goes out: the list, the number of members it would reach now and
 * the subject (and, for a large list, its short name typed). Implemented by sending, which counts the
 * recipients; the campaign page puts it on the button for the dialog.
 */
public interface SendConfirmations {

	/** The confirmation of sending this campaign now. */
	Confirmation sendNow(long campaignId);

}
