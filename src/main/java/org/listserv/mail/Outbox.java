package org.listserv.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where capabilities hand notices to send. {@link #enqueue} writes the notice in the caller's
 * transaction, so a change and its notice are stored together or not at all; the {@link OutboxSender}
 * sends it once the transaction has committed, retrying while SMTP is down.
 */
@Service
public class Outbox {

	private final OutboxMessages messages;

	private final OutboxSender sender;

	Outbox(OutboxMessages messages, OutboxSender sender) {
		this.messages = messages;
		this.sender = sender;
	}

	public long enqueue(OutboundMessage message) {
		long id = messages.insert(message);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.wakeUp();
				}
			});
		}
		else {
			sender.wakeUp();
		}
		return id;
	}

}
