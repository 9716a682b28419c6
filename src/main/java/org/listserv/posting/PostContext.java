package org.listserv.posting;

import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.InboundMessage;

/**
 * One post as the rules and decorators see it.
 *
 * @param sender the From address, or null if it has none that is valid
 * @param listAddress {@code {slug}@{domain}}
 */
record PostContext(MailingList list, PostSettings settings, InboundMessage message, EmailAddress sender,
		String listAddress, String domain) {

	String senderValue() {
		return sender == null ? "" : sender.value();
	}

}
