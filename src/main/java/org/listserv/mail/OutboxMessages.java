package org.listserv.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbox} table: notices waiting to be sent, sent, or given up. */
@Repository
class OutboxMessages {

	/** The backlog: notices still to send (and since when the oldest waits), and notices given up. */
	record Counts(long pending, long failed, OffsetDateTime oldestPending) {
	}

	/** A row claimed for sending. */
	record Row(long id, OutboundMessage message, int attempts, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OutboxMessages(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(OutboundMessage m) {
		return jdbc.sql("""
				insert into outbox (kind, from_address, from_name, to_address, reply_to, subject, text_body,
				                    html_body, headers)
				values (:kind, :from, :fromName, :to, :replyTo, :subject, :text, :html, cast(:headers as jsonb))
				returning id
				""")
			.param("kind", m.kind())
			.param("from", m.from().value())
			.param("fromName", m.fromName())
			.param("to", m.to().value())
			.param("replyTo", m.replyTo() == null ? null : m.replyTo().value())
			.param("subject", m.subject())
			.param("text", m.text())
			.param("html", m.html())
			.param("headers", json.writeValueAsString(m.headers()))
			.query(Long.class)
			.single();
	}

	/**
	 * Locks up to {@code limit} due notices for the caller's transaction; rows another instance holds are
	 * skipped, so several instances can send from one outbox.
	 */
	List<Row> claimDue(int limit) {
		return jdbc.sql("""
				select id, kind, from_address, from_name, to_address, reply_to, subject, text_body, html_body,
				       headers::text as headers, attempts, created_at
				from outbox
				where state in ('PENDING', 'RETRYING') and next_attempt_at <= now()
				order by next_attempt_at
				limit :limit
				for update skip locked
				""").param("limit", limit).query((rs, n) -> new Row(rs.getLong("id"),
				new OutboundMessage(rs.getString("kind"), EmailAddress.parse(rs.getString("from_address")),
						rs.getString("from_name"), EmailAddress.parse(rs.getString("to_address")),
						rs.getString("reply_to") == null ? null : EmailAddress.parse(rs.getString("reply_to")),
						rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
						json.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() {
						})),
				rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class))).list();
	}

	void markSent(long id) {
		jdbc.sql("update outbox set state = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null where id = :id")
			.param("id", id)
			.update();
	}

	void markFailed(long id, String error) {
		jdbc.sql("update outbox set state = 'FAILED', attempts = attempts + 1, last_error = :error where id = :id")
			.param("id", id)
			.param("error", error)
			.update();
	}

	void retryLater(long id, java.time.Duration delay, String error) {
		jdbc.sql("""
				update outbox set state = 'RETRYING', attempts = attempts + 1, last_error = :error,
				       next_attempt_at = now() + make_interval(secs => :seconds)
				where id = :id
				""").param("id", id).param("error", error).param("seconds", (double) delay.toSeconds()).update();
	}

	private static final String ENTRY = """
			select id, kind, to_address, subject, state, attempts, last_error, created_at,
			       case when state in ('PENDING', 'RETRYING') then next_attempt_at end as next_attempt_at, sent_at
			from outbox
			""";

	/**
	 * Newest first, of one state and kind if given. Keyset on {@code id} would be faster deep down the
	 * pages; staff look at the first few, which read the primary key (or {@code outbox_newest}) backwards.
	 */
	List<OutboxEntry> page(OutboxState state, String kind, int offset, int limit) {
		return jdbc.sql(ENTRY + """
				where (cast(:state as text) is null or state = :state) and (cast(:kind as text) is null or kind = :kind)
				order by id desc
				offset :offset limit :limit
				""")
			.param("state", state == null ? null : state.name())
			.param("kind", kind)
			.param("offset", offset)
			.param("limit", limit)
			.query(OutboxMessages::entry)
			.list();
	}

	long count(OutboxState state, String kind) {
		return jdbc.sql("""
				select count(*) from outbox
				where (cast(:state as text) is null or state = :state) and (cast(:kind as text) is null or kind = :kind)
				""")
			.param("state", state == null ? null : state.name())
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

	java.util.Optional<OutboxEntry> find(long id) {
		return jdbc.sql(ENTRY + " where id = :id").param("id", id).query(OutboxMessages::entry).optional();
	}

	private static OutboxEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new OutboxEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("to_address"),
				rs.getString("subject"), OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"),
				rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
	}

	/** Cheap enough for every health call: both counts read partial indexes (V9, V17, V26). */
	Counts counts() {
		return jdbc.sql("""
				select (select count(*) from outbox where state in ('PENDING', 'RETRYING')) as pending,
				       (select count(*) from outbox where state = 'FAILED') as failed,
				       (select min(created_at) from outbox where state in ('PENDING', 'RETRYING')) as oldest
				""").query((rs, n) -> new Counts(rs.getLong("pending"), rs.getLong("failed"),
				rs.getObject("oldest", OffsetDateTime.class))).single();
	}

}
