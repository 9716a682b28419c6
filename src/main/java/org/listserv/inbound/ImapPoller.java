package org.listserv.inbound;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.inbound.InboundProperties.After;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Fetches mail from an IMAP mailbox every {@code listserv.inbound.imap.interval} when
 * {@code listserv.inbound.imap.enabled}. Each message is stored (committed) first and only then deleted
 * or flagged on the server, so a failure in between fetches it again rather than loses it. Flagged
 * messages are skipped: in FLAG mode they are the ones already stored; in either mode a message over
 * max-message-size is stored as its header only, FAILED, and left on the server flagged for a person.
 * Errors are logged and the next poll tries again.
 */
@Component
class ImapPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

	private static final String TIMEOUT_MS = "60000";

	private final InboundProperties properties;

	private final RecipientCheck recipients;

	private final InboundStore store;

	private volatile ScheduledExecutorService scheduler;

	ImapPoller(InboundProperties properties, RecipientCheck recipients, InboundStore store) {
		this.properties = properties;
		this.recipients = recipients;
		this.store = store;
	}

	/** Polls once, logging instead of throwing. */
	void pollQuietly() {
		try {
			int taken = poll();
			if (taken > 0) {
				log.info("Fetched {} message(s) over IMAP", taken);
			}
		}
		catch (Exception | Error ex) {
			log.warn("IMAP poll of {} failed; trying again in {}: {}", properties.imap(), properties.imap().interval(),
					ex.toString());
		}
	}

	/** @return how many messages were stored */
	int poll() throws MessagingException, IOException {
		InboundProperties.Imap imap = properties.imap();
		String protocol = imap.ssl() ? "imaps" : "imap";
		Properties session = new Properties();
		session.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
		session.setProperty("mail." + protocol + ".timeout", TIMEOUT_MS);
		session.setProperty("mail." + protocol + ".peek", "true");
		session.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
		try (Store server = Session.getInstance(session).getStore(protocol)) {
			server.connect(imap.host(), imap.port(), imap.user(), imap.password());
			Folder folder = server.getFolder(imap.folder());
			folder.open(Folder.READ_WRITE);
			int taken = 0;
			try {
				for (Message message : folder.getMessages()) {
					if (!message.isExpunged() && !message.isSet(Flags.Flag.DELETED)
							&& !message.isSet(Flags.Flag.FLAGGED)) {
						take(message, imap.after());
						taken++;
					}
				}
			}
			finally {
				folder.close(imap.after() == After.DELETE);
			}
			return taken;
		}
	}

	private void take(Message message, After after) throws MessagingException, IOException {
		String mailFrom = ImapMessages.returnPath(message);
		Optional<String> recipient = ImapMessages.recipient(message, recipients);
		if (recipient.isEmpty() && StringUtils.hasText(properties.imap().bouncesAddress())) {
			recipient = Optional.of(properties.imap().bouncesAddress().strip());
		}
		Optional<byte[]> raw = ImapMessages.raw(message, properties.maxMessageBytes());
		if (raw.isEmpty()) {
			store.storeFailed(InboundSource.IMAP, mailFrom, recipient.orElse(""), ImapMessages.header(message),
					"Over max-message-size (" + message.getSize() + " bytes): only the header is stored; "
							+ "the message is left on the IMAP server, flagged");
			message.setFlags(new Flags(Flags.Flag.FLAGGED), true);
			return;
		}
		if (recipient.isEmpty()) {
			store.storeFailed(InboundSource.IMAP, mailFrom, "", raw.get(), "no list address among the recipients");
		}
		else {
			store.store(InboundSource.IMAP, mailFrom, List.of(recipient.get()), raw.get());
		}
		if (after == After.DELETE) {
			message.setFlag(Flags.Flag.DELETED, true);
		}
		else {
			Flags done = new Flags(Flags.Flag.SEEN);
			done.add(Flags.Flag.FLAGGED);
			message.setFlags(done, true);
		}
	}

	@Override
	public synchronized void start() {
		InboundProperties.Imap imap = properties.imap();
		if (!imap.enabled() || scheduler != null) {
			return;
		}
		if (!StringUtils.hasText(imap.host()) || !StringUtils.hasText(imap.user())) {
			throw new IllegalStateException("listserv.inbound.imap.enabled needs imap.host and imap.user");
		}
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "imap-poller");
			t.setDaemon(true);
			return t;
		});
		scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, imap.interval().toMillis(), TimeUnit.MILLISECONDS);
		log.info("Polling {} every {}", imap, imap.interval());
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService s = scheduler;
		scheduler = null;
		if (s != null) {
			s.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
