package org.listserv.mail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Where capabilities hand notices to send. {@link #enqueue} writes the notice in the caller's
 * transaction, so a change and its notice are stored together or not at all; the {@link OutboxSender}
 * sends it once the transaction has committed ({@link NoticeQueued}), retrying while SMTP is down.
 */
@Service
public class Outbox {

	private final OutboxMessages messages;

	private final ApplicationEventPublisher events;

	Outbox(OutboxMessages messages, ApplicationEventPublisher events) {
		this.messages = messages;
		this.events = events;
	}

	public long enqueue(OutboundMessage message) {
		long id = messages.insert(message);
		events.publishEvent(new NoticeQueued(id));
		return id;
	}

}
