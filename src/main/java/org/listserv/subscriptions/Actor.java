package org.listserv.subscriptions;

/**
 * Who or what makes a change, for the consent ledger.
 *
 * @param source the channel
 * @param actor the logged-in account, if any
 * @param ip the client's address, for web requests
 * @param messageId the Message-ID, for changes made by email
 * @param consentText the text the person agreed to, where there is one
 */
public record Actor(ConsentSource source, String actor, String ip, String messageId, String consentText) {

	public static Actor staff(ConsentSource source, String login, String ip) {
		return new Actor(source, login, ip, null, null);
	}

}
