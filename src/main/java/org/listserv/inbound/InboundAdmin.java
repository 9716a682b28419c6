package org.listserv.inbound;

import java.util.List;
import java.util.Locale;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;

import org.springframework.stereotype.Service;

/** What admins see of and do with received messages, for the page and the API alike. */
@Service
class InboundAdmin {

	static final int MAX_PAGE_SIZE = 500;

	/** One page of messages, newest first; {@code page} counts from 0. */
	record Page(List<StoredMessage> content, int page, int size, long totalElements, int totalPages) {
	}

	private final InboundMessages messages;

	private final InboundProcessor processor;

	InboundAdmin(InboundMessages messages, InboundProcessor processor) {
		this.messages = messages;
		this.processor = processor;
	}

	Page page(String state, int page, int size) {
		InboundState wanted = state(state);
		if (page < 0) {
			throw new InvalidInputException("page", new org.listserv.shared.Text("inbound.error.page"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", new org.listserv.shared.Text("inbound.error.size", String.valueOf(MAX_PAGE_SIZE)));
		}
		long total = messages.count(wanted);
		return new Page(messages.page(wanted, page, size).stream().map(StoredMessage::shown).toList(), page, size, total,
				(int) ((total + size - 1) / size));
	}

	/** One message as pages and the API show it (member tokens taken out, see {@link StoredMessage#shown()}). */
	StoredMessage get(long id) {
		return messages.find(id).map(StoredMessage::shown)
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("inbound.error.no-message", String.valueOf(id))));
	}

	MessageView view(long id) {
		return MessageView.of(get(id), raw(id));
	}

	byte[] raw(long id) {
		return messages.raw(id).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("inbound.error.no-message", String.valueOf(id))));
	}

	/** Puts a FAILED or HELD message back to RECEIVED and has it processed again. */
	StoredMessage retry(long id) {
		StoredMessage before = get(id);
		StoredMessage after = messages.retry(id)
			.orElseThrow(() -> new ConflictException(new org.listserv.shared.Text("inbound.error.not-retriable", String.valueOf(id),
					messages.find(id).map(StoredMessage::state).orElse(before.state()).name())));
		processor.wake();
		return after.shown();
	}

	/** A state filter as given: empty means any. */
	static InboundState state(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return InboundState.valueOf(raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("state", new org.listserv.shared.Text("inbound.error.state"));
		}
	}

}
