package org.listserv.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * What the outbox sender saw of the outgoing relay ({@code spring.mail.*}) at its last attempts, and the
 * outbox backlog. Costs no SMTP connection: the sender reports each round's outcome, so health checks and
 * the admin page can ask as often as they like. A relay outage is the outbox's to ride out (it retries),
 * never a reason to restart the application: the health contributor that shows this is always UP.
 */
@Component
public class RelayStatus {

	/** UNKNOWN until the first round that had something to send. */
	public enum State {

		UNKNOWN, UP, DOWN

	}

	/**
	 * @param oldestPendingAge how long the oldest notice still to send has waited, null when none waits
	 */
	public record Backlog(long pending, long failed, Duration oldestPendingAge) {
	}

	/**
	 * @param backlog null when the database cannot be asked
	 */
	public record Snapshot(String relay, State state, Instant lastSuccessAt, Instant lastFailureAt, String lastError,
			int consecutiveFailures, Backlog backlog) {
	}

	private final OutboxMessages messages;

	private final String relay;

	private volatile Instant lastSuccess;

	private volatile Instant lastFailure;

	private volatile String lastError;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	RelayStatus(OutboxMessages messages, JavaMailSender sender) {
		this.messages = messages;
		this.relay = sender instanceof JavaMailSenderImpl impl ? impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25)
				: sender.getClass().getSimpleName();
	}

	void succeeded() {
		lastSuccess = Instant.now();
		consecutiveFailures.set(0);
	}

	void failed(String error) {
		lastFailure = Instant.now();
		lastError = error;
		consecutiveFailures.incrementAndGet();
	}

	public Snapshot snapshot() {
		int failures = consecutiveFailures.get();
		State state = failures > 0 ? State.DOWN : lastSuccess != null ? State.UP : State.UNKNOWN;
		return new Snapshot(relay, state, lastSuccess, lastFailure, lastError, failures, backlog());
	}

	private Backlog backlog() {
		try {
			OutboxMessages.Counts counts = messages.counts();
			Duration age = counts.oldestPending() == null ? null
					: Duration.between(counts.oldestPending().toInstant(), OffsetDateTime.now().toInstant());
			return new Backlog(counts.pending(), counts.failed(), age);
		}
		catch (DataAccessException | TransactionException ex) {
			return null;
		}
	}

}
