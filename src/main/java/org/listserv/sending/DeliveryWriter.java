package org.listserv.sending;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.mail.SmtpConnection;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Hands a chunk's messages to SMTP over one connection and records each reply in the ledger, in the
 * chunk's transaction: 2xx SENT, 5xx FAILED (with the reply, for the bounce handling), 4xx or a lost
 * connection DEFERRED with the next attempt time (FAILED once deferred past the give-up time). If the
 * process dies before the commit, the chunk's rows are still QUEUED and go out again: at most the chunk in
 * flight is sent twice, nobody is skipped.
 */
class DeliveryWriter implements ItemWriter<RenderedDelivery> {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWriter.class);

	private final Supplier<SmtpConnection> relay;

	private final Deliveries deliveries;

	private final SendingProperties properties;

	DeliveryWriter(Supplier<SmtpConnection> relay, Deliveries deliveries, SendingProperties properties) {
		this.relay = relay;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	@Override
	public void write(Chunk<? extends RenderedDelivery> chunk) {
		List<Deliveries.Outcome> outcomes = new ArrayList<>(chunk.size());
		try (SmtpConnection smtp = relay.get()) {
			for (RenderedDelivery r : chunk) {
				Delivery d = r.delivery();
				SmtpConnection.Reply reply = smtp.send(r.envelopeFrom(), d.address(), r.message());
				String text = reply.code() == 0 ? reply.text() : reply.text().startsWith(String.valueOf(reply.code()))
						? reply.text() : reply.code() + " " + reply.text();
				if (reply.accepted()) {
					outcomes.add(new Deliveries.Outcome(d.id(), DeliveryStatus.SENT, text, null));
				}
				else if (reply.permanent() || d.createdAt().plus(properties.giveUpAfter()).isBefore(OffsetDateTime.now())) {
					log.info("Delivery {} to {} failed: {}", d.id(), d.address(), text);
					outcomes.add(new Deliveries.Outcome(d.id(), DeliveryStatus.FAILED, text, null));
				}
				else {
					outcomes.add(new Deliveries.Outcome(d.id(), DeliveryStatus.DEFERRED, text,
							OffsetDateTime.now().plus(properties.delayAfter(d.attempts() + 1))));
				}
			}
		}
		deliveries.record(outcomes);
	}

}
