package org.listserv.mail;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Where capabilities hand notices to send, and where staff see what became of them. {@link #enqueue} writes
 * the notice in the caller's transaction, so a change and its notice are stored together or not at all; the
 * {@link OutboxSender} sends it once the transaction has committed ({@link NoticeQueued}), retrying while
 * SMTP is down. {@link #page} and {@link #find} say what became of each notice.
 */
@Service
public class Outbox {

	/** One page of the outbox, newest first; {@code page} counts from 0. */
	public record Page(List<OutboxEntry> content, int page, int size, long totalElements, int totalPages) {
	}

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

	/** Newest first; {@code state} and {@code kind} narrow it when not null. */
	public Page page(OutboxState state, String kind, int page, int size) {
		long total = messages.count(state, kind);
		int p = Math.max(page, 0);
		return new Page(messages.page(state, kind, p * size, size), p, size, total, (int) ((total + size - 1) / size));
	}

	public Optional<OutboxEntry> find(long id) {
		return messages.find(id);
	}

}
