package org.listserv.bounces;

import java.util.Set;

import org.listserv.inbound.Disposition;
import org.listserv.inbound.Envelope;
import org.listserv.inbound.InboundHandler;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;

import org.springframework.stereotype.Component;

/**
 * Takes messages sent to {@code {slug}-bounces[+token]@} (over SMTP, or fetched over IMAP) and leaves them for
 * the {@code process-bounces} job: one QUEUED {@code bounce_messages} row referring to the stored message,
 * written in the inbound processor's transaction. No parsing here, so a slow or odd bounce never holds up
 * inbound mail. Running twice for one message queues it once.
 */
@Component
class BounceHandler implements InboundHandler {

	private final BounceStore store;

	BounceHandler(BounceStore store) {
		this.store = store;
	}

	@Override
	public Set<ListAddress.Role> roles() {
		return Set.of(ListAddress.Role.BOUNCES);
	}

	@Override
	public Disposition handle(InboundMessage message, Envelope envelope, ListAddress to) {
		if (envelope.inboundMessageId() == null) {
			return Disposition.failed("A bounce must be a stored message to be queued");
		}
		store.enqueue(envelope.inboundMessageId());
		return Disposition.handled("queued for process-bounces");
	}

}
