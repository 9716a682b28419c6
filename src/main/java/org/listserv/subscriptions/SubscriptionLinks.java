package org.listserv.subscriptions;

import org.springframework.stereotype.Service;

/**
 * The personal links other capabilities put in mail to members: unsubscribe (the target of
 * {@code List-Unsubscribe} and one-click) and the preference page. Signed, no row per message.
 */
@Service
public class SubscriptionLinks {

	private final SubscriptionNotices notices;

	SubscriptionLinks(SubscriptionNotices notices) {
		this.notices = notices;
	}

	public String unsubscribeUrl(long subscriberId, long listId) {
		return notices.unsubscribeUrl(subscriberId, listId);
	}

	public String preferencesUrl(long subscriberId) {
		return notices.preferencesUrl(subscriberId);
	}

}
