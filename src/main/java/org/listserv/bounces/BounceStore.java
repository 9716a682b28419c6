package org.listserv.bounces;

import org.listserv.bouncereading.BounceKind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bounce tables: {@code bounce_messages} (the queue and the review queue) and {@code bounce_events}.
 * What bounces need of other capabilities' tables they ask of their owners: the deliveries ledger of sending
 * ({@code DeliveryLedger}), the bounce standing of memberships ({@code MemberBounces}), the lists
 * ({@code ListService}); the stored messages come from the read-only view {@code report_inbound_messages}.
 */
@Repository
class BounceStore {

	/** A queued bounce message with what the job needs of its stored inbound message. */
	record QueuedMessage(long id, long inboundMessageId, String source, String recipient, String messageId,
			OffsetDateTime receivedAt, byte[] raw) {
	}

	private final JdbcClient jdbc;

	BounceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- the queue

	/** Queues a stored inbound message once (a second call for the same message does nothing). */
	void enqueue(long inboundMessageId) {
		jdbc.sql("""
				insert into bounce_messages (inbound_message_id, source)
				select id, source from report_inbound_messages where id = :inbound
				on conflict (inbound_message_id) do nothing
				""").param("inbound", inboundMessageId).update();
	}

	/** The ids of the next QUEUED messages after {@code afterId}, oldest first. */
	List<Long> queuedAfter(long afterId, int limit) {
		return jdbc.sql("select id from bounce_messages where state = 'QUEUED' and id > :after order by id limit :n")
			.param("after", afterId)
			.param("n", limit)
			.query(Long.class)
			.list();
	}

	/** Locks a message still QUEUED (skipping one another instance holds) and reads it. */
	Optional<QueuedMessage> claim(long id) {
		return jdbc.sql("""
				select b.id, b.inbound_message_id, b.source, i.recipient, i.message_id, i.received_at, i.raw
				  from bounce_messages b join report_inbound_messages i on i.id = b.inbound_message_id
				 where b.id = :id and b.state = 'QUEUED'
				   for update of b skip locked
				""").param("id", id).query(QueuedMessage.class).optional();
	}

	Optional<QueuedMessage> load(long id) {
		return jdbc.sql("""
				select b.id, b.inbound_message_id, b.source, i.recipient, i.message_id, i.received_at, i.raw
				  from bounce_messages b join report_inbound_messages i on i.id = b.inbound_message_id
				 where b.id = :id
				""").param("id", id).query(QueuedMessage.class).optional();
	}

	void finish(long id, BounceMessageState state, BounceKind kind, String note) {
		jdbc.sql("""
				update bounce_messages
				   set state = :state, kind = coalesce(:kind, kind), note = :note, attempts = attempts + 1,
				       processed_at = now()
				 where id = :id
				""")
			.param("id", id)
			.param("state", state.name())
			.param("kind", kind == null ? null : kind.name())
			.param("note", note == null ? null : (note.length() > 2000 ? note.substring(0, 2000) + "…" : note))
			.update();
	}

	/** An admin's verdict on a message in review. @return whether it was in review */
	boolean decide(long id, BounceMessageState state, String admin, String note) {
		return jdbc.sql("""
				update bounce_messages set state = :state, decided_by = :admin, note = coalesce(:note, note),
				       processed_at = now()
				 where id = :id and state = 'REVIEW'
				""").param("id", id).param("state", state.name()).param("admin", admin).param("note", note).update() == 1;
	}

	// ---- events

	/**
	 * Inserts an event, unless this message (or this synchronous failure) already has one for this member.
	 * @return its id, or empty if it was recorded before
	 */
	Optional<Long> insertEvent(Attribution a, BounceSource source, Long bounceMessageId, Long inboundMessageId,
			Evidence e, boolean counted, BigDecimal score) {
		return jdbc.sql("""
				insert into bounce_events (list_id, subscriber_id, campaign_id, delivery_id, bounce_message_id,
				       inbound_message_id, source, recipient, kind, classification, reason, status, reply_code,
				       diagnostic, counted, score)
				values (:list, :subscriber, :campaign, :delivery, :message, :inbound, :source, :recipient, :kind,
				       :classification, :reason, :status, :replyCode, :diagnostic, :counted, :score)
				on conflict do nothing
				returning id
				""")
			.param("list", a.listId())
			.param("subscriber", a.subscriberId())
			.param("campaign", a.campaignId())
			.param("delivery", a.deliveryId())
			.param("message", bounceMessageId)
			.param("inbound", inboundMessageId)
			.param("source", source.name())
			.param("recipient", e.recipient().isEmpty() ? a.email() : e.recipient())
			.param("kind", e.kind().name())
			.param("classification", e.classification().name())
			.param("reason", e.reason())
			.param("status", e.status())
			.param("replyCode", e.replyCode())
			.param("diagnostic", e.diagnostic())
			.param("counted", counted)
			.param("score", score)
			.query(Long.class)
			.optional();
	}

	void eventAction(long eventId, BounceAction action) {
		jdbc.sql("update bounce_events set action = :action where id = :id")
			.param("action", action.name())
			.param("id", eventId)
			.update();
	}

	/** Whether an event for this message and member exists (to tell a repeat from new work). */
	boolean hasEvent(long bounceMessageId, long subscriberId) {
		return jdbc.sql("select exists (select 1 from bounce_events where bounce_message_id = :m and subscriber_id = :s)")
			.param("m", bounceMessageId)
			.param("s", subscriberId)
			.query(Boolean.class)
			.single();
	}

}
