package org.listserv.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Where capabilities hand notices to send, and where staff see what became of them. {@link #enqueue} writes
 * the notice in the caller's transaction, so a change and its notice are stored together or not at all; the
 * {@link OutboxSender} sends it once the transaction has committed ({@link NoticeQueued}), retrying while
 * SMTP is down. {@link #enqueueThrottled} spreads many notices over time, in the same table, so a restart
 * loses none of them and sends none twice.
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

	/**
	 * Queues the messages (all of one kind) at most {@code perMinute} a minute: each one's first attempt is
	 * due one interval after the one before, behind the notices of that kind already waiting in line.
	 * @return the outbox ids, in order
	 */
	public List<Long> enqueueThrottled(List<OutboundMessage> batch, int perMinute) {
		if (batch.isEmpty()) {
			return List.of();
		}
		Duration interval = Duration.ofMillis(60_000L / Math.max(perMinute, 1));
		OffsetDateTime last = messages.lastDue(batch.get(0).kind());
		OffsetDateTime next = last == null ? OffsetDateTime.now() : last.plus(interval);
		List<Long> ids = new ArrayList<>(batch.size());
		for (OutboundMessage m : batch) {
			ids.add(messages.insert(m, next));
			next = next.plus(interval);
		}
		events.publishEvent(new NoticeQueued(ids.get(0)));
		return ids;
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
