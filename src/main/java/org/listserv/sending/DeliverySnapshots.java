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
		return active(listId, campaignId, java.util.List.of());
	}

	/**
	 * The same, each row naming the version its member gets: their language if the campaign has a version in
	 * it (or in its primary language: {@code es} for {@code es-MX}), else null, the default version. Chosen
	 * here, in the one statement, so the send renders each message without asking anything per member.
	 * @param versions the languages of the campaign's other versions
	 */
	int active(long listId, long campaignId, java.util.List<String> versions) {
		String[] tags = versions.toArray(String[]::new);
		return jdbc.sql("""
				insert into deliveries (campaign_id, subscriber_id, address, name, attributes, language)
				select :campaign, r.subscriber_id, r.email, r.name, r.attributes,
				       case when r.language = any(:versions) then r.language
				            when split_part(r.language, '-', 1) = any(:versions) then split_part(r.language, '-', 1)
				       end
				from member_recipients r
				where r.list_id = :list and r.status = 'ACTIVE'
				order by r.subscriber_id
				on conflict (campaign_id, subscriber_id) do nothing
				""").param("campaign", campaignId).param("list", listId).param("versions", tags).update();
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
