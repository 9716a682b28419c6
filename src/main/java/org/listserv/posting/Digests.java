package org.listserv.posting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code digests} table, and which lists are due a digest. */
@Repository
class Digests {

	/** A post to put in a digest: what the table of contents shows, and the message as it was distributed. */
	record DigestPost(long id, String sender, String senderName, String subject, OffsetDateTime distributedAt,
			byte[] decorated) {
	}

	private final JdbcClient jdbc;

	Digests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Lists due a digest at this cut-off: with posts distributed since their last digest (or, for the first,
	 * within the last period), DAILY lists, and WEEKLY ones whose last digest is about a week old, and no
	 * digest yet for this cut-off (which makes a restart skip the lists already done).
	 */
	List<Long> due(OffsetDateTime cutoff) {
		return jdbc.sql("""
				with settings as (
				  select p.list_id, coalesce(s.digest_frequency, 'DAILY') as frequency,
				         (select max(d.period_end) from digests d where d.list_id = p.list_id) as last_end
				  from (select distinct list_id from posts where status = 'DISTRIBUTED') p
				  left join posting_settings s on s.list_id = p.list_id)
				select st.list_id from settings st
				where not exists (select 1 from digests d where d.list_id = st.list_id and d.period_end = :cutoff)
				  and (st.frequency = 'DAILY' or st.last_end is null or st.last_end <= :cutoff - interval '167 hours')
				  and exists (select 1 from posts p where p.list_id = st.list_id and p.status = 'DISTRIBUTED'
				              and p.distributed_at <= :cutoff
				              and p.distributed_at > coalesce(st.last_end, :cutoff - case st.frequency
				                  when 'WEEKLY' then interval '7 days' else interval '1 day' end))
				order by st.list_id
				""").param("cutoff", cutoff).query(Long.class).list();
	}

	Optional<OffsetDateTime> lastEnd(long listId) {
		return jdbc.sql("select period_end from digests where list_id = :l order by period_end desc limit 1")
			.param("l", listId).query(OffsetDateTime.class).optional();
	}

	boolean exists(long listId, OffsetDateTime cutoff) {
		return jdbc.sql("select exists (select 1 from digests where list_id = :l and period_end = :c)")
			.param("l", listId).param("c", cutoff).query(Boolean.class).single();
	}

	List<DigestPost> posts(long listId, OffsetDateTime after, OffsetDateTime upTo) {
		return jdbc.sql("""
				select id, sender, sender_name, subject, distributed_at, decorated from posts
				where list_id = :l and status = 'DISTRIBUTED' and distributed_at > :after and distributed_at <= :upTo
				order by distributed_at, id
				""").param("l", listId).param("after", after).param("upTo", upTo).query(DigestPost.class).list();
	}

	long insert(long listId, OffsetDateTime start, OffsetDateTime end, int count, byte[] message, Long campaignId) {
		return jdbc.sql("""
				insert into digests (list_id, period_start, period_end, post_count, message, campaign_id)
				values (:l, :s, :e, :n, :m, :c) returning id
				""").param("l", listId).param("s", start).param("e", end).param("n", count).param("m", message)
			.param("c", campaignId).query(Long.class).single();
	}

	Optional<byte[]> messageOfCampaign(long campaignId) {
		return jdbc.sql("select message from digests where campaign_id = :c").param("c", campaignId)
			.query(byte[].class).optional();
	}

	int count(long listId) {
		return jdbc.sql("select count(*) from digests where list_id = :l").param("l", listId).query(Integer.class)
			.single();
	}

}
