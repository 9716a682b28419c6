package org.listserv.subscriptions;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status changes made by other capabilities (bounce handling): the membership moves only from one of the
 * expected states, and every move appends its consent-ledger row, in the caller's transaction.
 */
@Service
public class MembershipTransitions {

	private final JdbcClient jdbc;

	private final ConsentLedger ledger;

	MembershipTransitions(JdbcClient jdbc, ConsentLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/**
	 * Moves the membership to {@code to} if its status is one of {@code from}, and records it in the ledger.
	 * @return the status it had, or null if it had none of {@code from} (nothing changed)
	 */
	@Transactional
	public MembershipStatus move(long listId, long subscriberId, Set<MembershipStatus> from, MembershipStatus to,
			Actor actor) {
		MembershipStatus old = jdbc.sql("""
				select status from memberships where list_id = :list and subscriber_id = :subscriber for update
				""")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.query(MembershipStatus.class)
			.optional()
			.orElse(null);
		if (old == null || !from.contains(old)) {
			return null;
		}
		jdbc.sql("""
				update memberships
				   set status = :status, status_changed_at = now(), updated_at = now(),
				       awaiting = null,
				       subscribed_at = case when :status = 'ACTIVE' then coalesce(subscribed_at, now()) else subscribed_at end
				 where list_id = :list and subscriber_id = :subscriber
				""")
			.param("status", to.name())
			.param("list", listId)
			.param("subscriber", subscriberId)
			.update();
		ledger.append(subscriberId, listId, old, to, actor);
		return old;
	}

}
