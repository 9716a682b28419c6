package org.listserv.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bounce columns of {@code memberships} (score, day of the last bounce counted, disabled-at, warnings):
 * written only here, on behalf of bounce handling, which asks through {@link MemberBounces}.
 */
@Repository
class BounceStandings {

	private final JdbcClient jdbc;

	BounceStandings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<MemberBounces.Standing> lock(long listId, long subscriberId) {
		return jdbc.sql("""
				select m.status, m.bounce_score as score, m.bounce_last_day as last_day,
				       m.bounce_warnings as warnings, s.name
				  from memberships m join subscribers s on s.id = m.subscriber_id
				 where m.list_id = :list and m.subscriber_id = :subscriber
				   for update of m
				""")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.query((rs, n) -> new MemberBounces.Standing(MembershipStatus.valueOf(rs.getString("status")),
					rs.getBigDecimal("score"), rs.getObject("last_day", LocalDate.class), rs.getInt("warnings"),
					rs.getString("name")))
			.optional();
	}

	Optional<MemberBounces.Address> member(long listId, String email) {
		return jdbc.sql("""
				select s.id as subscriber_id, s.email
				  from memberships m join subscribers s on s.id = m.subscriber_id
				 where m.list_id = :list and lower(s.email) = lower(:email)
				""").param("list", listId).param("email", email).query(MemberBounces.Address.class).optional();
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

	void reset(long listId, long subscriberId) {
		jdbc.sql("""
				update memberships set bounce_score = 0, bounce_last_day = null, bounce_disabled_at = null,
				       bounce_warnings = 0, bounce_next_warning_at = null
				 where list_id = :list and subscriber_id = :subscriber
				""").param("list", listId).param("subscriber", subscriberId).update();
	}

	List<MemberBounces.DueWarning> lockDueWarnings(int limit) {
		return jdbc.sql("""
				select m.list_id, m.subscriber_id, m.bounce_warnings as warnings, s.email, s.name
				  from memberships m join subscribers s on s.id = m.subscriber_id
				 where m.status = 'DISABLED' and m.bounce_next_warning_at <= now()
				 order by m.bounce_next_warning_at limit :n
				   for update of m skip locked
				""").param("n", limit).query(MemberBounces.DueWarning.class).list();
	}

}
