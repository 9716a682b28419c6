package org.listserv.sending;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a campaign's recipients into the {@code deliveries} ledger in one set-based statement each: reading
 * a million members row by row into Java would be the slow part of a send. The members are read from
 * {@code member_recipients}, the read-only view subscriptions keeps for this (one row per membership with the
 * subscriber's address; a plain join the planner inlines, so the memberships indexes serve it). Members
 * already there for the campaign are left alone, so each can run again.
 */
@Repository
class DeliverySnapshots {

	private final JdbcClient jdbc;

	DeliverySnapshots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int active(long listId, long campaignId) {
		return jdbc.sql("""
				insert into deliveries (campaign_id, subscriber_id, address, name, attributes)
				select :campaign, r.subscriber_id, r.email, r.name, r.attributes
				from member_recipients r
				where r.list_id = :list and r.status = 'ACTIVE'
				order by r.subscriber_id
				on conflict (campaign_id, subscriber_id) do nothing
				""").param("campaign", campaignId).param("list", listId).update();
	}

	/** How many rows {@link #active} would write now: the list's ACTIVE members (what Send now asks about). */
	long countActive(long listId) {
		return jdbc.sql("""
				select count(*) from member_recipients r
				where r.list_id = :list and r.status = 'ACTIVE'
				""").param("list", listId).query(Long.class).single();
	}

	/** Post recipients: REGULAR mode only (digest members get the digest), the author only if they ask. */
	int postRecipients(long listId, long campaignId, String author) {
		return jdbc.sql("""
				insert into deliveries (campaign_id, subscriber_id, address, name, attributes)
				select :campaign, r.subscriber_id, r.email, r.name, r.attributes
				from member_recipients r
				where r.list_id = :list and r.status = 'ACTIVE' and r.delivery_mode = 'REGULAR'
				  and (lower(r.email) <> lower(:author) or r.receive_own_posts)
				order by r.subscriber_id
				on conflict (campaign_id, subscriber_id) do nothing
				""").param("campaign", campaignId).param("list", listId).param("author", author).update();
	}

	int digestRecipients(long listId, long campaignId) {
		return jdbc.sql("""
				insert into deliveries (campaign_id, subscriber_id, address, name, attributes)
				select :campaign, r.subscriber_id, r.email, r.name, r.attributes
				from member_recipients r
				where r.list_id = :list and r.status = 'ACTIVE' and r.delivery_mode = 'DIGEST'
				order by r.subscriber_id
				on conflict (campaign_id, subscriber_id) do nothing
				""").param("campaign", campaignId).param("list", listId).update();
	}

}
