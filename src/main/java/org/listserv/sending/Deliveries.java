package org.listserv.sending;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.listserv.mail.SmtpStage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code deliveries} table: the ledger of every recipient of every campaign send. */
@Repository
class Deliveries {

	/** Counts per status of one campaign's deliveries. */
	record Counts(long queued, long sent, long deferred, long failed, long expired) {

		long total() {
			return queued + sent + deferred + failed + expired;
		}

	}

	/** What SMTP answered for one delivery: the row's new state. */
	record Outcome(long id, DeliveryStatus status, String reply, OffsetDateTime nextAttemptAt, boolean attempted,
			SmtpStage stage) {

		Outcome(long id, DeliveryStatus status, String reply, OffsetDateTime nextAttemptAt) {
			this(id, status, reply, nextAttemptAt, true, null);
		}

		/** Held back by a rate limit until {@code at}: not an attempt, nothing was sent. */
		static Outcome throttled(long id, String why, OffsetDateTime at) {
			return new Outcome(id, DeliveryStatus.DEFERRED, why, at, false, null);
		}

	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Deliveries(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Records a chunk's replies as one JDBC batch (JdbcClient has no batch): one round trip to PostgreSQL per
	 * chunk instead of one per message, which at thousands of messages a second is most of the cost.
	 */
	void record(List<Outcome> outcomes, String sentBy) {
		batch.batchUpdate("""
				update deliveries set status = ?, attempts = attempts + ?, smtp_reply = ?, next_attempt_at = ?,
				       sent_at = case when cast(? as text) = 'SENT' then now() else sent_at end,
				       sent_by = case when ? > 0 then ? else sent_by end, smtp_stage = ?, updated_at = now()
				where id = ?
				""", outcomes, outcomes.size(), (ps, o) -> {
			ps.setString(1, o.status().name());
			ps.setInt(2, o.attempted() ? 1 : 0);
			ps.setString(3, o.reply());
			ps.setObject(4, o.nextAttemptAt(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
			ps.setString(5, o.status().name());
			ps.setInt(6, o.attempted() ? 1 : 0);
			ps.setString(7, sentBy);
			ps.setString(8, o.stage() == null ? null : o.stage().name());
			ps.setLong(9, o.id());
		});
	}

	boolean exist(long campaignId) {
		return jdbc.sql("select exists (select 1 from deliveries where campaign_id = :c)")
			.param("c", campaignId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The next rows to send after {@code afterId}, in id order (keyset, on the partial index of pending rows):
	 * QUEUED ones, and DEFERRED ones whose retry time has come.
	 */
	List<Delivery> nextDue(long campaignId, long afterId, int limit) {
		return nextDue(campaignId, afterId, Long.MAX_VALUE, limit);
	}

	/** The same within one range of ids (a partition): {@code afterId < id <= lastId}. */
	List<Delivery> nextDue(long campaignId, long afterId, long lastId, int limit) {
		return jdbc.sql("""
				select id, campaign_id, subscriber_id, address, name, attributes::text as attributes, verp_token,
				       attempts, created_at, language
				from deliveries
				where campaign_id = :c and id > :after and id <= :last and status in ('QUEUED', 'DEFERRED')
				  and (status = 'QUEUED' or next_attempt_at <= now())
				order by id limit :limit
				""")
			.param("c", campaignId)
			.param("after", afterId)
			.param("last", lastId)
			.param("limit", limit)
			.query(Delivery.class)
			.list();
	}

	/** An expired alert: whatever was not sent yet will not be. */
	int expireRemaining(long campaignId) {
		return jdbc.sql("""
				update deliveries set status = 'EXPIRED', next_attempt_at = null, updated_at = now()
				where campaign_id = :c and status in ('QUEUED', 'DEFERRED')
				""").param("c", campaignId).update();
	}

	Counts counts(long campaignId) {
		Map<String, Long> byStatus = new java.util.HashMap<>();
		jdbc.sql("select status, count(*) as n from deliveries where campaign_id = :c group by status")
			.param("c", campaignId)
			.query((rs, i) -> byStatus.put(rs.getString("status"), rs.getLong("n")))
			.list();
		return new Counts(byStatus.getOrDefault("QUEUED", 0L), byStatus.getOrDefault("SENT", 0L),
				byStatus.getOrDefault("DEFERRED", 0L), byStatus.getOrDefault("FAILED", 0L),
				byStatus.getOrDefault("EXPIRED", 0L));
	}

	/** Recipients and sent messages per version language (key null: the default version), from the ledger. */
	Map<String, org.listserv.composing.CampaignProgress.VersionCount> perLanguage(long campaignId) {
		Map<String, org.listserv.composing.CampaignProgress.VersionCount> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select language, count(*) as n, count(*) filter (where status = 'SENT') as sent
				from deliveries where campaign_id = :c group by language
				""").param("c", campaignId)
			.query((rs, i) -> counts.put(rs.getString("language"),
					new org.listserv.composing.CampaignProgress.VersionCount(rs.getLong("n"), rs.getLong("sent"))))
			.list();
		return counts;
	}

	/** Campaigns being sent whose deferred deliveries are due again: the retry runs. */
	List<Long> campaignsWithDueRetries() {
		return jdbc.sql("""
				select distinct d.campaign_id from deliveries d
				where d.status = 'DEFERRED' and d.next_attempt_at <= now()
				""").query(Long.class).list();
	}

	/** When the earliest deferred delivery of the campaign is due again; empty when none is deferred. */
	java.util.Optional<OffsetDateTime> nextRetryAt(long campaignId) {
		// a row, not min(): an aggregate over no rows is one null, which Optional cannot hold
		return jdbc.sql("""
				select next_attempt_at from deliveries
				where campaign_id = :c and status = 'DEFERRED' and next_attempt_at is not null
				order by next_attempt_at limit 1
				""").param("c", campaignId).query(OffsetDateTime.class).optional();
	}

	long sentInLastMinute(long campaignId) {
		return jdbc.sql("""
				select count(*) from deliveries
				where campaign_id = :c and status = 'SENT' and sent_at > now() - interval '1 minute'
				""").param("c", campaignId).query(Long.class).single();
	}

	// ---- for bounce handling (through DeliveryLedger)

	List<Long> unrecordedFailuresAfter(long afterId, int limit) {
		return jdbc.sql("""
				select id from deliveries
				 where status = 'FAILED' and bounce_recorded_at is null and id > :after
				 order by id limit :n
				""").param("after", afterId).param("n", limit).query(Long.class).list();
	}

	java.util.Optional<DeliveryLedger.Failure> claimUnrecordedFailure(long deliveryId) {
		return jdbc.sql("""
				select d.id as delivery_id, d.campaign_id, d.subscriber_id, c.list_id, d.address, d.smtp_reply,
				       d.smtp_stage, coalesce(d.updated_at, d.created_at) as at
				  from deliveries d join report_campaigns c on c.id = d.campaign_id
				 where d.id = :id and d.status = 'FAILED' and d.bounce_recorded_at is null
				   for update of d skip locked
				""").param("id", deliveryId).query(DeliveryLedger.Failure.class).optional();
	}

	void markFailureRecorded(long deliveryId) {
		jdbc.sql("update deliveries set bounce_recorded_at = now() where id = :id").param("id", deliveryId).update();
	}

	java.util.Optional<DeliveryLedger.Addressee> byVerpToken(String token) {
		return jdbc.sql("""
				select c.list_id, d.subscriber_id, s.email, d.campaign_id, d.id as delivery_id
				  from deliveries d join report_campaigns c on c.id = d.campaign_id
				  join report_subscribers s on s.id = d.subscriber_id
				 where d.verp_token = :token
				""").param("token", token).query(DeliveryLedger.Addressee.class).optional();
	}

}
