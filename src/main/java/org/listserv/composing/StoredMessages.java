package org.listserv.composing;

import java.util.Optional;

/**
 * Where the send job finds the message of a campaign row that has no template (a member's post, a
 * digest): the capability that wrote it provides this bean. Per-recipient List-Unsubscribe headers are
 * added on top when it is sent; the Message-ID stays the stored one.
 */
public interface StoredMessages {

	/** The message's bytes (CRLF line ends), or empty if this campaign has none. */
	Optional<byte[]> message(long campaignId);

}
