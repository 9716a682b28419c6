package org.listserv.composing;

import org.listserv.lists.MailingList;

/**
 * Where the personal links of one message lead: {@code {{unsubscribe_url}}}, {@code {{preferences_url}}} and
 * the {@code List-Unsubscribe} header. There are two, and who builds a message decides which it gets: the
 * member's own signed links only in the real send to that member ({@link CampaignMail}, used by the send
 * job), and inert {@link SampleLinks} for everything staff look at (preview, test send, web version,
 * checklist). Rendering takes its links from here and nowhere else, so a preview "as a member" shows their
 * name and attributes, never a link that acts for them.
 */
interface MemberLinks {

	/** The two personal links of one message. */
	record Links(String unsubscribeUrl, String preferencesUrl) {
	}

	Links of(MailingList list, long subscriberId);

}
