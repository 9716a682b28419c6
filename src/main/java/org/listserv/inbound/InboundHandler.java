package org.listserv.inbound;

import java.util.Set;

import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;

/**
 * Processes received messages sent to some of a list's addresses. Capabilities provide beans of this
 * type (subscriptions: SUBSCRIBE, UNSUBSCRIBE, REQUEST, CONFIRM; later posting and bounces); a message
 * to an address no handler takes is HELD. A handler runs after the message is stored, possibly again
 * after a crash, so it must tolerate being run twice for one message.
 */
public interface InboundHandler {

	Set<ListAddress.Role> roles();

	Disposition handle(InboundMessage message, Envelope envelope, ListAddress to);

}
