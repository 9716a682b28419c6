package org.listserv.inbound;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores received messages durably: when a method returns, the rows are committed (and the processor
 * is told); when it throws, nothing is stored and the sender must try again later.
 */
@Service
class InboundStore {

	/** Bounds every statement of a store, so an SMTP client never waits on a stuck database for long. */
	private static final int TIMEOUT_SECONDS = 30;

	private static final int MAX_NOTE = 2000;

	private final InboundMessages messages;

	private final InboundProcessor processor;

	private final TransactionTemplate tx;

	InboundStore(InboundMessages messages, InboundProcessor processor, PlatformTransactionManager transactions) {
		this.messages = messages;
		this.processor = processor;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setTimeout(TIMEOUT_SECONDS);
	}

	/** One RECEIVED row per recipient, in one transaction. @return the new rows' ids */
	List<Long> store(InboundSource source, String mailFrom, Collection<String> recipients, byte[] raw) {
		MessageSummary summary = MessageSummary.of(raw);
		List<Long> ids = tx.execute(status -> {
			List<Long> stored = new ArrayList<>();
			for (String recipient : recipients) {
				stored.add(messages.insert(source, clean(mailFrom), clean(recipient), summary, raw,
						InboundState.RECEIVED, null));
			}
			return stored;
		});
		processor.wake();
		return ids;
	}

	/** A message that cannot be processed at all (no list address to route it to): FAILED at once. */
	long storeFailed(InboundSource source, String mailFrom, String recipient, byte[] raw, String note) {
		return tx.execute(status -> messages.insert(source, clean(mailFrom), clean(recipient),
				MessageSummary.of(raw), raw, InboundState.FAILED, note(note)));
	}

	/** A note fit for the table and the admin page: one bounded text without NUL characters. */
	static String note(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = clean(text);
		return cleaned.length() <= MAX_NOTE ? cleaned : cleaned.substring(0, MAX_NOTE) + "…";
	}

	private static String clean(String text) {
		return text == null ? "" : text.replace('\0', ' ');
	}

}
