package org.listserv.subscriptions;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code consent_events} table: append-only, so this class only inserts and reads. */
@Repository
class ConsentLedger {

	private final JdbcClient jdbc;

	ConsentLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Appends one change; {@code actor} names who made it (an {@link Actor} cannot be made without). */
	void append(long subscriberId, long listId, MembershipStatus from, MembershipStatus to, Actor actor) {
		jdbc.sql("""
				insert into consent_events (subscriber_id, list_id, old_status, new_status, source, actor, ip,
				                            message_id, consent_text)
				values (:subscriber, :list, :from, :to, :source, :actor, :ip, :messageId, :consentText)
				""")
			.param("subscriber", subscriberId)
			.param("list", listId)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("source", actor.source().name())
			.param("actor", actor.actor())
			.param("ip", actor.ip())
			.param("messageId", actor.messageId())
			.param("consentText", actor.consentText())
			.update();
	}

	List<ConsentEvent> history(long subscriberId) {
		return jdbc.sql("""
				select id, list_id, old_status, new_status, source, coalesce(actor, 'unknown') as actor, ip,
				       message_id, consent_text, created_at
				from consent_events
				where subscriber_id = :subscriber
				order by id desc
				""").param("subscriber", subscriberId).query(ConsentEvent.class).list();
	}

}
