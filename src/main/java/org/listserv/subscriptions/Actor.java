package org.listserv.subscriptions;

import java.util.Objects;

/**
 * Who or what makes a change, for the consent ledger. The ledger always names who really acted, so there is
 * no actor-less change: an account (by its login), the member themselves ({@code subscriber:<id>}, only
 * when a link or reply that only their mailbox received proves it), someone nobody can name
 * ({@code anonymous}: a web form, a mailed request, whose IP or Message-ID is kept), or a job of the
 * application (by its name).
 *
 * @param source the channel
 * @param actor who acted; never null or blank
 * @param ip the client's address, for web requests
 * @param messageId the Message-ID, for changes made by email
 * @param consentText the text the person agreed to, where there is one
 */
public record Actor(ConsentSource source, String actor, String ip, String messageId, String consentText) {

	/** The actor of a request that nothing ties to a person (yet). */
	public static final String ANONYMOUS = "anonymous";

	private static final String SUBSCRIBER = "subscriber:";

	public Actor {
		Objects.requireNonNull(source, "source");
		if (actor == null || actor.isBlank()) {
			throw new IllegalArgumentException(
					"The consent ledger names who acted: an account, the subscriber, anonymous, or a job");
		}
	}

	/** An account (staff or admin), by its login. */
	public static Actor staff(ConsentSource source, String login, String ip) {
		return new Actor(source, login, ip, null, null);
	}

	/** Someone not logged in, not (yet) proven to be anyone: a web form, a request by email. */
	public static Actor anonymous(ConsentSource source, String ip, String messageId) {
		return new Actor(source, ANONYMOUS, ip, messageId, null);
	}

	/** The member themselves, proven by a signed link or confirmation token mailed to them. */
	static Actor subscriber(ConsentSource source, long subscriberId, String ip, String messageId) {
		return new Actor(source, SUBSCRIBER + subscriberId, ip, messageId, null);
	}

	/** The same channel, now that a token mailed to {@code subscriberId} has proven who acts. */
	Actor provenAs(long subscriberId) {
		return new Actor(source, SUBSCRIBER + subscriberId, ip, messageId, consentText);
	}

	/** The same actor, agreeing to {@code text}. */
	Actor withConsentText(String text) {
		return new Actor(source, actor, ip, messageId, text);
	}

}
