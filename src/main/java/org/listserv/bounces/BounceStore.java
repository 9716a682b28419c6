package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bounce tables: {@code bounce_messages} (the queue and the review queue), {@code bounce_events}, the
 * bounce columns of {@code memberships}, and the reads of {@code deliveries} the job needs.
 */
@Repository
class BounceStore {

	/** A queued bounce message with what the job needs of its stored inbound message. */
	record QueuedMessage(long id, long inboundMessageId, String source, String recipient, String messageId,
			OffsetDateTime receivedAt, byte[] raw) {
	}

	/** A 5xx reply the send job recorded, not yet turned into a bounce event. */
	record SyncFailure(long deliveryId, long campaignId, long subscriberId, long listId, String address,
			String smtpReply, String smtpStage, OffsetDateTime at) {
	}

	/** The bounce state of a membership, locked for the caller's transaction. */
	record MembershipBounceState(String status, BigDecimal score, LocalDate lastDay, BigDecimal threshold,
			int warnings, String name) {
	}

	/** A disabled member whose next warning (or removal) is due. */
	record DueWarning(long listId, long subscriberId, int warnings, String email, String name) {
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
				select id, source from inbound_messages where id = :inbound
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
				  from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where b.id = :id and b.state = 'QUEUED'
				   for update of b skip locked
				""").param("id", id).query(QueuedMessage.class).optional();
	}

	Optional<QueuedMessage> load(long id) {
		return jdbc.sql("""
				select b.id, b.inbound_message_id, b.source, i.recipient, i.message_id, i.received_at, i.raw
				  from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where b.id = :id
				""").param("id", id).query(QueuedMessage.class).optional();
	}

	void finish(long id, String state, String kind, String note) {
		jdbc.sql("""
				update bounce_messages
				   set state = :state, kind = coalesce(:kind, kind), note = :note, attempts = attempts + 1,
				       processed_at = now()
				 where id = :id
				""")
			.param("id", id)
			.param("state", state)
			.param("kind", kind)
			.param("note", note == null ? null : (note.length() > 2000 ? note.substring(0, 2000) + "…" : note))
			.update();
	}

	/** An admin's verdict on a message in review. @return whether it was in review */
	boolean decide(long id, String state, String admin, String note) {
		return jdbc.sql("""
				update bounce_messages set state = :state, decided_by = :admin, note = coalesce(:note, note),
				       processed_at = now()
				 where id = :id and state = 'REVIEW'
				""").param("id", id).param("state", state).param("admin", admin).param("note", note).update() == 1;
	}

	// ---- synchronous failures

	List<Long> unrecordedFailuresAfter(long afterId, int limit) {
		return jdbc.sql("""
				select id from deliveries
				 where status = 'FAILED' and bounce_recorded_at is null and id > :after
				 order by id limit :n
				""").param("after", afterId).param("n", limit).query(Long.class).list();
	}

	Optional<SyncFailure> claimFailure(long deliveryId) {
		return jdbc.sql("""
				select d.id as delivery_id, d.campaign_id, d.subscriber_id, c.list_id, d.address, d.smtp_reply,
				       d.smtp_stage, coalesce(d.updated_at, d.created_at) as at
				  from deliveries d join campaigns c on c.id = d.campaign_id
				 where d.id = :id and d.status = 'FAILED' and d.bounce_recorded_at is null
				   for update of d skip locked
				""").param("id", deliveryId).query(SyncFailure.class).optional();
	}

	void markFailureRecorded(long deliveryId) {
		jdbc.sql("update deliveries set bounce_recorded_at = now() where id = :id").param("id", deliveryId).update();
	}

	// ---- attribution

	/** The delivery a VERP token names: its campaign, list and subscriber. */
	Optional<Attribution> byToken(String token) {
		return jdbc.sql("""
				select c.list_id, d.subscriber_id, s.email, d.campaign_id, d.id as delivery_id
				  from deliveries d join campaigns c on c.id = d.campaign_id join subscribers s on s.id = d.subscriber_id
				 where d.verp_token = :token
				""").param("token", token).query(Attribution.class).optional();
	}

	/** A member of the live list {@code slug} with this address (any status). */
	Optional<Attribution> member(String slug, String email) {
		return jdbc.sql("""
				select l.id as list_id, s.id as subscriber_id, s.email, null::bigint as campaign_id,
				       null::bigint as delivery_id
				  from lists l join memberships m on m.list_id = l.id join subscribers s on s.id = m.subscriber_id
				 where l.slug = :slug and l.deleted_at is null and lower(s.email) = lower(:email)
				""").param("slug", slug).param("email", email).query(Attribution.class).optional();
	}

	/** A member of the list by id with this address. */
	Optional<Attribution> member(long listId, String email) {
		return jdbc.sql("""
				select m.list_id, s.id as subscriber_id, s.email, null::bigint as campaign_id,
				       null::bigint as delivery_id
				  from memberships m join subscribers s on s.id = m.subscriber_id
				 where m.list_id = :list and lower(s.email) = lower(:email)
				""").param("list", listId).param("email", email).query(Attribution.class).optional();
	}

	Optional<Long> listId(String slug) {
		return jdbc.sql("select id from lists where slug = :slug and deleted_at is null")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	// ---- membership state and events

	Optional<MembershipBounceState> lockMembership(long listId, long subscriberId, BigDecimal defaultThreshold) {
		return jdbc.sql("""
				select m.status, m.bounce_score as score, m.bounce_last_day as last_day,
				       coalesce(l.bounce_threshold, :threshold) as threshold, m.bounce_warnings as warnings, s.name
				  from memberships m join lists l on l.id = m.list_id join subscribers s on s.id = m.subscriber_id
				 where m.list_id = :list and m.subscriber_id = :subscriber
				   for update of m
				""")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.param("threshold", defaultThreshold)
			.query(MembershipBounceState.class)
			.optional();
	}

	void updateScore(long listId, long subscriberId, BigDecimal score, LocalDate lastDay) {
		jdbc.sql("""
				update memberships set bounce_score = :score, bounce_last_day = :day
				 where list_id = :list and subscriber_id = :subscriber
				""")
			.param("score", score)
			.param("day", lastDay)
			.param("list", listId)
			.param("subscriber", subscriberId)
			.update();
	}

	void markDisabled(long listId, long subscriberId, int warnings, OffsetDateTime nextWarning) {
		jdbc.sql("""
				update memberships set bounce_disabled_at = now(), bounce_warnings = :warnings,
				       bounce_next_warning_at = :next
				 where list_id = :list and subscriber_id = :subscriber
				""")
			.param("warnings", warnings)
			.param("next", nextWarning)
			.param("list", listId)
			.param("subscriber", subscriberId)
			.update();
	}

	void warned(long listId, long subscriberId, int warnings, OffsetDateTime nextWarning) {
		jdbc.sql("""
				update memberships set bounce_warnings = :warnings, bounce_next_warning_at = :next
				 where list_id = :list and subscriber_id = :subscriber
				""")
			.param("warnings", warnings)
			.param("next", nextWarning)
			.param("list", listId)
			.param("subscriber", subscriberId)
			.update();
	}

	/** Clears the score and the warnings (re-enabled, removed or unsubscribed). */
	void resetBounceState(long listId, long subscriberId) {
		jdbc.sql("""
				update memberships set bounce_score = 0, bounce_last_day = null, bounce_disabled_at = null,
				       bounce_warnings = 0, bounce_next_warning_at = null
				 where list_id = :list and subscriber_id = :subscriber
				""").param("list", listId).param("subscriber", subscriberId).update();
	}

	List<DueWarning> dueWarnings(int limit) {
		return jdbc.sql("""
				select m.list_id, m.subscriber_id, m.bounce_warnings as warnings, s.email, s.name
				  from memberships m join subscribers s on s.id = m.subscriber_id
				 where m.status = 'DISABLED' and m.bounce_next_warning_at <= now()
				 order by m.bounce_next_warning_at limit :n
				   for update of m skip locked
				""").param("n", limit).query(DueWarning.class).list();
	}

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
			.param("kind", e.kind())
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

	void eventAction(long eventId, String action) {
		jdbc.sql("update bounce_events set action = :action where id = :id")
			.param("action", action)
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
