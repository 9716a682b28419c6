package org.listserv.mail;

import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.re2j.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notices from the outbox on one background thread: right after a notice is written, and every
 * {@code listserv.mail.outbox.interval}, up to {@code batch-size} a round over one SMTP connection. A 5xx reply fails the notice at once; anything else (4xx, no
 * connection, timeout) retries later with growing delays, until {@code give-up-after}. A crash between
 * the SMTP reply and the commit sends that notice again: at least once, never lost.
 */
@Component
class OutboxSender implements DisposableBean {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final OutboxMessages messages;

	private final JavaMailSender mailSender;

	private final TransactionTemplate tx;

	private final OutboxProperties properties;

	private final MailProperties mail;

	private final RelayStatus relay;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-sender"));

	private final AtomicBoolean scheduled = new AtomicBoolean();

	OutboxSender(OutboxMessages messages, JavaMailSender mailSender, TransactionTemplate tx,
			OutboxProperties properties, MailProperties mail, RelayStatus relay) {
		this.messages = messages;
		this.mailSender = mailSender;
		this.tx = tx;
		this.properties = properties;
		this.mail = mail;
		this.relay = relay;
	}

	/** Asks for a round soon, without waiting for it. */
	void wakeUp() {
		if (scheduled.compareAndSet(false, true)) {
			worker.execute(() -> {
				scheduled.set(false);
				sendDue();
			});
		}
	}

	/** After the commit of the transaction that queued it (at once without one): send now, not at the next poll. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void queued(NoticeQueued notice) {
		wakeUp();
	}

	@Scheduled(fixedDelayString = "${listserv.mail.outbox.interval:10s}", initialDelayString = "5s")
	void tick() {
		wakeUp();
	}

	/** Sends rounds until nothing is due. */
	void sendDue() {
		try {
			Integer sent;
			do {
				sent = tx.execute(status -> round());
			}
			while (sent != null && sent == properties.batchSize());
		}
		catch (RuntimeException ex) {
			log.warn("Outbox round failed, will try again: {}", ex.getMessage());
		}
	}

	/** One round: due notices go out over one SMTP connection; each one's outcome is recorded. */
	private int round() {
		List<OutboxMessages.Row> due = messages.claimDue(properties.batchSize());
		Map<MimeMessage, OutboxMessages.Row> built = new IdentityHashMap<>();
		for (OutboxMessages.Row row : due) {
			try {
				built.put(MimeMessages.build(mailSender.createMimeMessage().getSession(), row.message(), mail.domain()),
						row);
			}
			catch (MessagingException | RuntimeException ex) {
				messages.markFailed(row.id(), "cannot be built: " + describe(ex));
			}
		}
		Map<Object, Exception> failures = Map.of();
		try {
			mailSender.send(built.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			failures = ex.getFailedMessages();
		}
		catch (MailException ex) {
			// authentication or preparation failed for all of them
			failures = new IdentityHashMap<>();
			for (MimeMessage m : built.keySet()) {
				failures.put(m, ex);
			}
		}
		report(built.size(), failures);
		for (Map.Entry<MimeMessage, OutboxMessages.Row> e : built.entrySet()) {
			Exception failure = failures.get(e.getKey());
			if (failure == null) {
				messages.markSent(e.getValue().id());
			}
			else {
				failed(e.getValue(), failure);
			}
		}
		return due.size();
	}

	/** The relay works if it took at least one message of the round; a round with nothing to send says nothing. */
	private void report(int attempted, Map<Object, Exception> failures) {
		if (attempted == 0) {
			return;
		}
		if (failures.size() < attempted) {
			relay.succeeded();
		}
		else {
			relay.failed(describe(failures.values().iterator().next()));
		}
	}

	private void failed(OutboxMessages.Row row, Exception ex) {
		String error = describe(ex);
		boolean permanent = isPermanent(ex);
		boolean tooOld = row.createdAt().plus(properties.giveUpAfter()).isBefore(OffsetDateTime.now());
		if (permanent || tooOld) {
			log.warn("Notice {} ({}) to {} failed for good: {}", row.id(), row.message().kind(),
					row.message().to(), error);
			messages.markFailed(row.id(), error);
		}
		else {
			log.info("Notice {} to {} not sent yet ({}); will retry", row.id(), row.message().to(), error);
			messages.retryLater(row.id(), properties.delayAfter(row.attempts() + 1), error);
		}
	}

	/** A 5xx SMTP reply anywhere in the cause chain. */
	static boolean isPermanent(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
				return true;
			}
			if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
				return true;
			}
			if (t instanceof SendFailedException sf && sf.getNextException() != null && sf.getNextException() != t
					&& isPermanent(sf.getNextException())) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return WHITESPACE.matcher(message.strip()).replaceAll(" ");
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

}
