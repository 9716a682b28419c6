package org.listserv.sending;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code send_partitions} table: a campaign's deliveries cut into id ranges that the send step's workers
 * claim one at a time, on this instance or another sharing the database. A claim takes a free range with
 * {@code FOR UPDATE SKIP LOCKED} (two workers never get the same one) and holds it by a lease that the
 * worker renews at every page; a range whose owner died is free again when the lease runs out.
 */
@Repository
class SendPartitions {

	/** A claimed range: deliveries with {@code firstId <= id <= lastId}. */
	record Partition(long id, long firstId, long lastId) {
	}

	private final JdbcClient jdbc;

	SendPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Cuts the campaign's deliveries into ranges of {@code size} (once: does nothing if ranges exist). */
	int create(long campaignId, int size) {
		return jdbc.sql("""
				insert into send_partitions (campaign_id, first_id, last_id)
				select :c, min(id), max(id)
				from (select id, (row_number() over (order by id) - 1) / :size as p
				      from deliveries where campaign_id = :c) d
				where not exists (select 1 from send_partitions where campaign_id = :c)
				group by p
				""").param("c", campaignId).param("size", Math.max(1, size)).update();
	}

	/** Takes a range not done in this round and free (no owner, or a lapsed lease), if there is one. */
	Optional<Partition> claim(long campaignId, long round, String owner, Duration lease) {
		return jdbc.sql("""
				update send_partitions set owner = :owner, lease_until = now() + make_interval(secs => :lease)
				where id = (select id from send_partitions
				            where campaign_id = :c and done_round < :round
				              and (owner is null or lease_until < now())
				            order by id limit 1 for update skip locked)
				returning id, first_id, last_id
				""")
			.param("owner", owner)
			.param("lease", (double) lease.toSeconds())
			.param("c", campaignId)
			.param("round", round)
			.query(Partition.class)
			.optional();
	}

	/** Renews the lease; false if the range is no longer this owner's (the lease lapsed and another took it). */
	boolean renew(long partitionId, String owner, Duration lease) {
		return jdbc.sql("""
				update send_partitions set lease_until = now() + make_interval(secs => :lease)
				where id = :p and owner = :owner
				""").param("lease", (double) lease.toSeconds()).param("p", partitionId).param("owner", owner).update() == 1;
	}

	/** Nothing more to send in the range this round: done, and free. */
	void done(long partitionId, String owner, long round) {
		jdbc.sql("""
				update send_partitions set done_round = greatest(done_round, :round), owner = null, lease_until = null
				where id = :p and owner = :owner
				""").param("round", round).param("p", partitionId).param("owner", owner).update();
	}

	/** Gives back the ranges held by a worker that stops early (paused, cancelled, failed). */
	void release(String owner) {
		jdbc.sql("update send_partitions set owner = null, lease_until = null where owner = :owner")
			.param("owner", owner)
			.update();
	}

	/** At start-up: nothing of this instance runs yet, so whatever it held was held by a dead process. */
	int releaseInstance(String instanceId) {
		return jdbc.sql("update send_partitions set owner = null, lease_until = null where owner like :prefix")
			.param("prefix", instanceId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%")
			.update();
	}

	/** SENDING campaigns with a range free to claim in their current round: what another instance can help with. */
	/**
	 * SENDING campaigns whose deliveries were never cut into ranges although they became SENDING a while
	 * ago: their run never started (a launch that failed, a process that died between the two steps).
	 * A send cuts its ranges in its first step, within seconds of its launch.
	 */
	List<Long> campaignsWithoutARun(Duration grace) {
		return jdbc.sql("""
				select c.id from campaigns c
				where c.status = 'SENDING' and c.updated_at < now() - make_interval(secs => :grace)
				  and not exists (select 1 from send_partitions p where p.campaign_id = c.id)
				order by c.id
				""").param("grace", grace.toSeconds()).query(Long.class).list();
	}

	List<Long> campaignsNeedingHelp() {
		return jdbc.sql("""
				select c.id from campaigns c
				where c.status = 'SENDING' and c.send_round > 0
				  and exists (select 1 from send_partitions p
				              where p.campaign_id = c.id and p.done_round < c.send_round
				                and (p.owner is null or p.lease_until < now()))
				order by c.id
				""").query(Long.class).list();
	}

}
