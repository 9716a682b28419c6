package org.listserv.inbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inbound_messages} table: every message received, with where its processing stands. */
@Repository
class InboundMessages {

	private static final String COLUMNS = """
			id, received_at, source, mail_from, recipient, message_id, subject, size, state, note, attempts,
			processed_at
			""";

	/** A message taken for processing: locked by the caller's transaction until it commits. */
	record Claimed(long id, String mailFrom, String recipient, byte[] raw) {
	}

	private final JdbcClient jdbc;

	InboundMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(InboundSource source, String mailFrom, String recipient, MessageSummary summary, byte[] raw,
			InboundState state, String note) {
		return jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, message_id, subject, size, raw, state, note)
				values (:source, :mailFrom, :recipient, :messageId, :subject, :size, :raw, :state, :note)
				returning id
				""")
			.param("source", source.name())
			.param("mailFrom", mailFrom)
			.param("recipient", recipient)
			.param("messageId", summary.messageId())
			.param("subject", summary.subject())
			.param("size", raw.length)
			.param("raw", raw)
			.param("state", state.name())
			.param("note", note)
			.query(Long.class)
			.single();
	}

	/**
	 * The oldest RECEIVED message that no other transaction holds. SKIP LOCKED lets several instances of
	 * the application share the table: each takes a different row and none waits for another.
	 */
	Optional<Claimed> claimNextReceived() {
		return jdbc.sql("""
				select id, mail_from, recipient, raw from inbound_messages
				where state = 'RECEIVED'
				order by id
				limit 1
				for update skip locked
				""")
			.query(Claimed.class)
			.optional();
	}

	/** Records the outcome, unless someone else did meanwhile (the row is no longer RECEIVED). */
	boolean finish(long id, Disposition outcome) {
		return jdbc.sql("""
				update inbound_messages
				   set state = :state, note = :note, attempts = attempts + 1, processed_at = now()
				 where id = :id and state = 'RECEIVED'
				""")
			.param("id", id)
			.param("state", outcome.state().name())
			.param("note", outcome.note())
			.update() == 1;
	}

	/** Puts a FAILED or HELD message back in line for the processor. @return it as it is now, if it was */
	Optional<StoredMessage> retry(long id) {
		return jdbc.sql("""
				update inbound_messages set state = 'RECEIVED', processed_at = null
				 where id = :id and state in ('FAILED', 'HELD')
				returning
				""" + COLUMNS)
			.param("id", id)
			.query(StoredMessage.class)
			.optional();
	}

	Optional<StoredMessage> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from inbound_messages where id = :id")
			.param("id", id)
			.query(StoredMessage.class)
			.optional();
	}

	Optional<byte[]> raw(long id) {
		return jdbc.sql("select raw from inbound_messages where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** Newest first; a null state matches every message. */
	List<StoredMessage> page(InboundState state, int page, int size) {
		return jdbc.sql("select " + COLUMNS + """
				from inbound_messages
				where cast(:state as text) is null or state = cast(:state as text)
				order by id desc
				limit :size offset :offset
				""")
			.params(stateFilter(state))
			.param("size", size)
			.param("offset", (long) page * size)
			.query(StoredMessage.class)
			.list();
	}

	long count(InboundState state) {
		return jdbc.sql("""
				select count(*) from inbound_messages
				where cast(:state as text) is null or state = cast(:state as text)
				""")
			.params(stateFilter(state))
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> stateFilter(InboundState state) {
		Map<String, Object> params = new HashMap<>();
		params.put("state", state == null ? null : state.name());
		return params;
	}

	/** A handled message's note, brought up to date by the handler that handled it (a held post decided). */
	void updateNote(long id, String note) {
		jdbc.sql("update inbound_messages set note = :note where id = :id and state = 'HANDLED'")
			.param("id", id)
			.param("note", note)
			.update();
	}

}
