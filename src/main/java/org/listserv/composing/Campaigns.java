package org.listserv.composing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaigns} table, each row read with its list's slug. */
@Repository
class Campaigns {

	private static final String SELECT = """
			select c.id, c.list_id, l.slug as list, c.status, c.subject, c.preheader, c.body, c.format, c.layout,
			       c.from_name, c.from_address, c.scheduled_at, c.priority, c.expires_at, c.created_by,
			       c.created_at, c.updated_at
			from campaigns c join report_lists l on l.id = c.list_id
			""";

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Campaign> find(long id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(Campaign.class).optional();
	}

	/** Newest first; a null list or status matches any. */
	List<Campaign> search(Long listId, CampaignStatus status) {
		return jdbc.sql(SELECT + """
				 where c.source = 'CAMPAIGN' and (cast(:listId as bigint) is null or c.list_id = :listId)
				   and (cast(:status as text) is null or c.status = :status)
				 order by c.created_at desc, c.id desc limit 500
				""")
			.param("listId", listId)
			.param("status", status == null ? null : status.name())
			.query(Campaign.class)
			.list();
	}

	long insert(Campaign c) {
		return jdbc.sql("""
				insert into campaigns (list_id, status, subject, preheader, body, format, layout, from_name,
				                       from_address, scheduled_at, priority, expires_at, created_by, search_config)
				values (:listId, :status, :subject, :preheader, :body, :format, :layout, :fromName,
				        :fromAddress, :scheduledAt, :priority, :expiresAt, :createdBy,
				        listserv_search_config((select language from report_lists where id = :listId)))
				returning id
				""").params(params(c)).query(Long.class).single();
	}

	/**
	 * A row for a member's post (source POST) or a digest: no template, already SENDING; the send job
	 * writes the stored message (see {@link StoredMessages}) instead of rendering one.
	 */
	long insertStored(long listId, CampaignSource source, String subject, String fromName, String fromAddress,
			String createdBy) {
		return jdbc.sql("""
				insert into campaigns (list_id, status, source, subject, layout, from_name, from_address, created_by,
				                       search_config)
				values (:listId, 'SENDING', :source, :subject, '', :fromName, :fromAddress, :createdBy,
				        listserv_search_config((select language from report_lists where id = :listId)))
				returning id
				""").param("listId", listId).param("source", source.name()).param("subject", subject)
			.param("fromName", fromName).param("fromAddress", fromAddress).param("createdBy", createdBy)
			.query(Long.class).single();
	}

	/**
	 * Sent (or sending) staff campaigns of a list whose subject or body matches a web-search query, best
	 * first, in each version's language (its stemmer, no accents: V32) or word for word without accents: the
	 * list archive's search. A campaign matching in two versions is found twice, once for each.
	 */
	List<SentMatch> searchSent(long listId, String query) {
		return jdbc.sql("""
				with q as (select websearch_to_tsquery('listserv_simple', :q) as plain),
				sent as (select c.* from campaigns c
				          where c.list_id = :listId and c.source = 'CAMPAIGN' and c.status in ('SENDING', 'SENT'))
				select id, subject, language from (
				    select c.id, c.subject, null as language,
				           ts_rank(c.search, websearch_to_tsquery(c.search_config, :q)) as rank
				      from sent c, q
				     where c.search @@ websearch_to_tsquery(c.search_config, :q) or c.search @@ q.plain
				    union all
				    select c.id, v.subject, v.language, ts_rank(v.search, websearch_to_tsquery(v.search_config, :q))
				      from sent c join campaign_versions v on v.campaign_id = c.id, q
				     where v.search @@ websearch_to_tsquery(v.search_config, :q) or v.search @@ q.plain
				) found order by rank desc, id desc, language nulls first limit 50
				""").param("listId", listId).param("q", query).query(SentMatch.class).list();
	}

	/**
	 * Staff campaigns whose body contains {@code text} as it is (no pattern: strpos, not like), newest first:
	 * which campaigns show an image of the media library. A scan of the bodies, fine for an organisation's
	 * few thousand campaigns and asked only when someone deletes an image.
	 */
	List<Campaign> containing(String text) {
		return jdbc.sql(SELECT + """
				 where c.source = 'CAMPAIGN' and strpos(c.body, :text) > 0
				 order by c.created_at desc, c.id desc
				""").param("text", text).query(Campaign.class).list();
	}

	/** CAMPAIGN for staff campaigns, POST or DIGEST for rows that carry a stored message. */
	CampaignSource source(long id) {
		return jdbc.sql("select source from campaigns where id = :id").param("id", id).query(String.class)
			.optional().map(CampaignSource::valueOf).orElse(CampaignSource.CAMPAIGN);
	}

	/** Changes a campaign only while it is still editable: false if it moved on meanwhile. */
	boolean update(Campaign c) {
		return jdbc.sql("""
				update campaigns set status = :status, subject = :subject, preheader = :preheader, body = :body,
				       format = :format, layout = :layout, from_name = :fromName, from_address = :fromAddress,
				       scheduled_at = :scheduledAt, priority = :priority, expires_at = :expiresAt, updated_at = now()
				where id = :id and status in ('DRAFT', 'SCHEDULED')
				""").params(params(c)).param("id", c.id()).update() == 1;
	}

	/** Moves a campaign to {@code to} only from one of {@code from}: false if it is elsewhere. */
	boolean transition(long id, CampaignStatus to, List<String> from) {
		return jdbc.sql("""
				update campaigns set status = :to, updated_at = now() where id = :id and status in (:from)
				""").param("to", to.name()).param("id", id).param("from", from).update() == 1;
	}

	/** Due SCHEDULED campaigns, the most urgent first (ACTION alerts ahead of newsletters). */
	List<Long> due() {
		return jdbc.sql("""
				select id from campaigns where status = 'SCHEDULED' and scheduled_at <= now()
				order by case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,
				         scheduled_at, id
				""").query(Long.class).list();
	}

	boolean deleteEditable(long id) {
		return jdbc.sql("delete from campaigns where id = :id and status in ('DRAFT', 'SCHEDULED')")
			.param("id", id)
			.update() == 1;
	}

	private static Map<String, Object> params(Campaign c) {
		Map<String, Object> p = new HashMap<>();
		p.put("listId", c.listId());
		p.put("status", c.status().name());
		p.put("subject", c.subject());
		p.put("preheader", c.preheader());
		p.put("body", c.body());
		p.put("format", c.format().name());
		p.put("layout", c.layout());
		p.put("fromName", c.fromName());
		p.put("fromAddress", c.fromAddress());
		p.put("scheduledAt", c.scheduledAt());
		p.put("priority", c.priority() == null ? null : c.priority().name());
		p.put("expiresAt", c.expiresAt());
		p.put("createdBy", c.createdBy());
		return p;
	}

	/** The campaign's versions in languages other than its list's default, by language. */
	List<CampaignVersion> versions(long id) {
		return jdbc.sql("""
				select language, subject, preheader, body from campaign_versions where campaign_id = :c
				order by language
				""").param("c", id).query(CampaignVersion.class).list();
	}

	/** Replaces all the campaign's other-language versions with these. */
	void replaceVersions(long id, List<CampaignVersion> versions) {
		jdbc.sql("delete from campaign_versions where campaign_id = :c").param("c", id).update();
		for (CampaignVersion v : versions) {
			jdbc.sql("""
					insert into campaign_versions (campaign_id, language, subject, preheader, body, search_config)
					values (:c, :language, :subject, :preheader, :body, listserv_search_config(:language))
					""").param("c", id).param("language", v.language()).param("subject", v.subject())
				.param("preheader", v.preheader() == null ? "" : v.preheader()).param("body", v.body()).update();
		}
	}

	/** The send job's round counter (the column sending's migration added); only this class writes it. */
	long nextSendRound(long id) {
		return jdbc.sql("update campaigns set send_round = send_round + 1 where id = :c returning send_round")
			.param("c", id)
			.query(Long.class)
			.single();
	}

	long sendRound(long id) {
		return jdbc.sql("select send_round from campaigns where id = :c").param("c", id).query(Long.class).single();
	}

}
