package org.listserv.sending;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.mail.SmtpConnection;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Hands a chunk's messages to SMTP over {@code listserv.sending.connections} connections (kept open between
 * chunks in an {@link SmtpPool}) and records each reply in the ledger, in the
 * chunk's transaction: 2xx SENT, 5xx FAILED (with the reply, for the bounce handling), 4xx or a lost
 * connection DEFERRED with the next attempt time (FAILED once deferred past the give-up time). If the
 * process dies before the commit, the chunk's rows are still QUEUED and go out again: at most the chunk in
 * flight is sent twice, nobody is skipped.
 */
class DeliveryWriter implements ItemWriter<RenderedDelivery> {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWriter.class);

	private final SmtpPool pool;

	private final Deliveries deliveries;

	private final SendingProperties properties;

	private final Executor lanePool;

	private final Throttle throttle;

	private final String instanceId;

	DeliveryWriter(SmtpPool pool, Deliveries deliveries, SendingProperties properties,
			Executor lanePool, Throttle throttle, String instanceId) {
		this.lanePool = lanePool;
		this.throttle = throttle;
		this.instanceId = instanceId;
		this.pool = pool;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	@Override
	public void write(Chunk<? extends RenderedDelivery> chunk) {
		List<? extends RenderedDelivery> items = chunk.getItems();
		int lanes = Math.max(1, Math.min(properties.connections(), items.size()));
		if (lanes == 1) {
			deliveries.record(send(items), instanceId);
			return;
		}
		// SMTP waits on round trips: the chunk is split over several connections at once; the ledger is still
		// written here, in the chunk's transaction, once every reply is in
		List<CompletableFuture<List<Deliveries.Outcome>>> parts = new ArrayList<>(lanes);
		int size = (items.size() + lanes - 1) / lanes;
		for (int from = 0; from < items.size(); from += size) {
			List<? extends RenderedDelivery> part = items.subList(from, Math.min(items.size(), from + size));
			parts.add(CompletableFuture.supplyAsync(() -> send(part), lanePool));
		}
		List<Deliveries.Outcome> outcomes = new ArrayList<>(items.size());
		parts.forEach(f -> outcomes.addAll(f.join()));
		deliveries.record(outcomes, instanceId);
	}

	private List<Deliveries.Outcome> send(List<? extends RenderedDelivery> items) {
		List<Deliveries.Outcome> outcomes = new ArrayList<>(items.size());
		SmtpConnection smtp = pool.borrow();
		try {
			for (RenderedDelivery r : items) {
				Throttle.Permit permit = permit(r.delivery());
				if (permit.notBefore() != null) {
					outcomes.add(Deliveries.Outcome.throttled(r.delivery().id(), permit.reason(), permit.notBefore()));
					continue;
				}
				outcomes.add(outcome(r.delivery(), smtp.send(r.envelopeFrom(), r.delivery().address(), r.message())));
			}
		}
		finally {
			pool.giveBack(smtp);
		}
		return outcomes;
	}

	private Throttle.Permit permit(Delivery d) {
		try {
			return throttle.acquire(d.address());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Throttle.Permit(OffsetDateTime.now(), "interrupted while waiting for the sending rate");
		}
	}

	private Deliveries.Outcome outcome(Delivery d, SmtpConnection.Reply reply) {
		String text = reply.code() == 0 || reply.text().startsWith(String.valueOf(reply.code())) ? reply.text()
				: reply.code() + " " + reply.text();
		if (reply.accepted()) {
			return new Deliveries.Outcome(d.id(), DeliveryStatus.SENT, text, null);
		}
		if (reply.permanent() || d.createdAt().plus(properties.giveUpAfter()).isBefore(OffsetDateTime.now())) {
			log.info("Delivery {} to {} failed: {}", d.id(), d.address(), text);
			return new Deliveries.Outcome(d.id(), DeliveryStatus.FAILED, text, null, true, reply.stage());
		}
		return new Deliveries.Outcome(d.id(), DeliveryStatus.DEFERRED, text,
				OffsetDateTime.now().plus(properties.delayAfter(d.attempts() + 1)));
	}

}
