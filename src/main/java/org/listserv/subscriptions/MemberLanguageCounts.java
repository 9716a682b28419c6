package org.listserv.subscriptions;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many ACTIVE members of a list read each language: what the campaign checklist compares with the
 * campaign's versions.
 */
@Service
public class MemberLanguageCounts {

	private final JdbcClient jdbc;

	MemberLanguageCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active members per preferred language tag of the subscriber (key null: no language of their own). */
	public Map<String, Long> activeByLanguage(long listId) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				select s.language, count(*) as n from memberships m join subscribers s on s.id = m.subscriber_id
				where m.list_id = :list and m.status = 'ACTIVE' group by s.language
				""").param("list", listId).query((rs, i) -> counts.put(rs.getString("language"), rs.getLong("n"))).list();
		return counts;
	}

}
