package org.listserv.inbound;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.mail.ReadingBudget;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes stored messages on one worker thread: at once when told that messages were stored
 * ({@link #wake()}), at start-up, and every {@code listserv.inbound.sweep-interval} for messages left
 * RECEIVED (by a crash, or stored by another instance). Each message is claimed, routed and given its
 * final state in one transaction; if that fails, the message is marked FAILED in another, and the admins
 * and (where safe) the sender are told ({@link FailureNotices}). Nothing that
 * goes wrong stops the worker: a message that could not be finished stays RECEIVED for the next sweep.
 * Each message is processed within {@code listserv.inbound.message-budget} ({@link ReadingBudget}): one
 * that takes longer is HELD ("too costly to read automatically"), so it cannot hold up those behind it.
 */
@Component
class InboundProcessor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	/** Bounds the statements of one message's processing, a handler's included. */
	private static final int TIMEOUT_SECONDS = 300;

	private final InboundMessages messages;

	private final InboundRouter router;

	private final InboundProperties properties;

	private final TransactionTemplate tx;

	private final FailureNotices notices;

	private final AtomicBoolean queued = new AtomicBoolean();

	private volatile ScheduledExecutorService worker;

	InboundProcessor(InboundMessages messages, InboundRouter router, InboundProperties properties,
			PlatformTransactionManager transactions, FailureNotices notices) {
		this.messages = messages;
		this.notices = notices;
		this.router = router;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setTimeout(TIMEOUT_SECONDS);
	}

	/** Processes what is RECEIVED soon, on the worker thread. */
	void wake() {
		ScheduledExecutorService w = worker;
		if (w != null && queued.compareAndSet(false, true)) {
			try {
				w.execute(() -> {
					queued.set(false);
					drain();
				});
			}
			catch (RejectedExecutionException ex) {
				queued.set(false); // stopping: the next start sweeps
			}
		}
	}

	/** Processes RECEIVED messages until none is left or the database fails. */
	void drain() {
		try {
			boolean more = true;
			while (more && worker != null) {
				more = processNext();
			}
		}
		catch (Throwable ex) {
			log.warn("Inbound processing paused until the next sweep: {}", ex.toString());
		}
	}

	/** @return whether a message was taken */
	boolean processNext() {
		AtomicReference<InboundMessages.Claimed> current = new AtomicReference<>();
		try {
			return Boolean.TRUE.equals(tx.execute(status -> messages.claimNextReceived().map(claimed -> {
				current.set(claimed);
				long start = System.nanoTime();
				Disposition outcome = ReadingBudget.within(properties.messageBudget(), () -> router.route(claimed));
				messages.finish(claimed.id(), outcome);
				log.info("Inbound message {} to {}: {} in {} ms{}", claimed.id(), claimed.recipient(), outcome.state(),
						(System.nanoTime() - start) / 1_000_000, outcome.note() == null ? "" : " (" + outcome.note() + ")");
				return true;
			}).orElse(false)));
		}
		catch (ReadingBudget.TooCostlyException ex) {
			// rolled back: whatever the handler had written is undone, and the message waits for a person
			long id = current.get().id();
			log.warn("Inbound message {} took more than {} to read; held", id, properties.messageBudget());
			tx.execute(status -> messages.finish(id, Disposition.held(ReadingBudget.TooCostlyException.NOTE
					+ " (over " + properties.messageBudget().toMillis() + " ms of processing)")));
			return true;
		}
		catch (RuntimeException | Error ex) {
			InboundMessages.Claimed claimed = current.get();
			if (claimed == null) {
				throw ex;
			}
			log.error("Inbound message {} failed", claimed.id(), ex);
			String error = InboundStore.note(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
			tx.execute(status -> messages.finish(claimed.id(), Disposition.failed(error)));
			try {
				tx.executeWithoutResult(status -> notices.failed(claimed, error));
			}
			catch (RuntimeException notTold) {
				log.warn("Nobody could be told that inbound message {} failed: {}", claimed.id(), notTold.toString());
			}
			return true;
		}
	}

	@Override
	public synchronized void start() {
		if (worker == null) {
			worker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "inbound-processor");
				t.setDaemon(true);
				return t;
			});
			long interval = properties.sweepInterval().toMillis();
			worker.scheduleWithFixedDelay(this::drain, 0, interval, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService w = worker;
		worker = null;
		if (w != null) {
			w.shutdown();
			try {
				if (!w.awaitTermination(30, TimeUnit.SECONDS)) {
					w.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				w.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

}
