package org.listserv.subscriptions;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The confirmation requests still to mail: {@code memberships.confirmation_due_at} (V26) of PENDING members
 * who wait for their own confirmation. Every query reads the partial index on that column, which holds only
 * the requests still due, however many members the lists have.
 */
@Repository
class ConfirmationRequests {

	/** A request due now; {@code waiting}: the member still waits for their own confirmation. */
	record Due(long listId, long subscriberId, String email, String name, boolean waiting) {
	}

	private final JdbcClient jdbc;

	ConfirmationRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} due requests, oldest first, locked (another instance skips them) until the commit.
	 * Requests of members who no longer wait (they confirmed, left, were removed or disabled since) come too,
	 * marked, so that the caller drops them as they come up rather than by a scan of every request a round.
	 */
	List<Due> claim(int limit) {
		return jdbc.sql("""
				select m.list_id, m.subscriber_id, s.email, s.name,
				       m.status = 'PENDING' and m.awaiting is not distinct from 'CONFIRMATION' as waiting
				from memberships m join subscribers s on s.id = m.subscriber_id
				where m.confirmation_due_at <= now()
				order by m.confirmation_due_at, m.id
				limit :limit
				for update of m skip locked
				""").param("limit", limit).query(Due.class).list();
	}

	void done(long listId, long subscriberId) {
		jdbc.sql("update memberships set confirmation_due_at = null where list_id = :list and subscriber_id = :subscriber")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.update();
	}

	/** Queues a request for every member of the list who waits for their confirmation; how many. */
	int queueAll(long listId) {
		return jdbc.sql("""
				update memberships set confirmation_due_at = now()
				where list_id = :list and status = 'PENDING' and awaiting = 'CONFIRMATION'
				  and confirmation_due_at is null
				""").param("list", listId).update();
	}

	/** Members of the list waiting for their confirmation, and how many of them have a request still to mail. */
	record Waiting(long pending, long due) {
	}

	Waiting waiting(long listId) {
		return jdbc.sql("""
				select count(*) as pending, count(confirmation_due_at) as due
				from memberships where list_id = :list and status = 'PENDING' and awaiting = 'CONFIRMATION'
				""").param("list", listId).query(Waiting.class).single();
	}

}
