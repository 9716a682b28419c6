package org.listserv.bounces;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads behind the bounce dashboard, the member history, the review queue, the CSV export and the API.
 * A null {@code listId} means every list. Besides the bounce tables they read only the read-only
 * {@code report_*} views of the other capabilities' tables (migration V20), never the tables themselves.
 */
@Repository
class BounceReports {

	/** A campaign with its sends and the bounces and complaints they caused. */
	record CampaignRates(long id, String subject, String list, OffsetDateTime createdAt, long sent, long bounced,
			long hard, long complaints) {

		public double bounceRate() {
			return sent == 0 ? 0 : (double) bounced / sent;
		}

		public double complaintRate() {
			return sent == 0 ? 0 : (double) complaints / sent;
		}

	}

	/**
	 * One day: messages sent that day, and the bounces and complaints about them (an event is counted on the
	 * day its delivery was sent when known, else on the day it was received).
	 */
	record Day(LocalDate day, long sent, long bounced, long complaints) {

		public double bounceRate() {
			return sent == 0 ? 0 : (double) bounced / sent;
		}

		public double complaintRate() {
			return sent == 0 ? 0 : (double) complaints / sent;
		}

	}

	record Count(String key, long n) {
	}

	/** A bounce event with its evidence, as the history, the export and the API show it. */
	record Event(long id, OffsetDateTime createdAt, String list, long subscriberId, String email, Long campaignId,
			String source, String kind, String classification, String reason, String status, Integer replyCode,
			String diagnostic, boolean counted, java.math.BigDecimal score, String action, Long inboundMessageId) {
	}

	/** A membership's bounce state. */
	record MemberState(String list, long listId, String status, java.math.BigDecimal score, LocalDate lastDay,
			OffsetDateTime disabledAt, int warnings, OffsetDateTime nextWarningAt) {
	}

	/** A message in (or decided from) the review queue. */
	record ReviewItem(long id, long inboundMessageId, OffsetDateTime receivedAt, String recipient, String mailFrom,
			String subject, String state, String kind, String note, String decidedBy) {
	}

	private static final String EVENT = """
			select e.id, e.created_at, l.slug as list, e.subscriber_id, s.email, e.campaign_id, e.source, e.kind,
			       e.classification, e.reason, e.status, e.reply_code, e.diagnostic, e.counted, e.score, e.action,
			       e.inbound_message_id
			  from bounce_events e join report_lists l on l.id = e.list_id
			  join report_subscribers s on s.id = e.subscriber_id
			""";

	private final JdbcClient jdbc;

	BounceReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CampaignRates> campaigns(Long listId, int limit) {
		return jdbc.sql("""
				select c.id, c.subject, l.slug as list, c.created_at,
				       (select count(*) from report_deliveries d
				         where d.campaign_id = c.id and d.status in ('SENT', 'FAILED')) as sent,
				       (select count(distinct e.subscriber_id) from bounce_events e
				         where e.campaign_id = c.id and e.classification in ('HARD', 'SOFT')) as bounced,
				       (select count(distinct e.subscriber_id) from bounce_events e
				         where e.campaign_id = c.id and e.classification = 'HARD') as hard,
				       (select count(distinct e.subscriber_id) from bounce_events e
				         where e.campaign_id = c.id and (e.kind = 'COMPLAINT' or e.reason = 'feedback')) as complaints
				  from report_campaigns c join report_lists l on l.id = c.list_id
				 where (cast(:list as bigint) is null or c.list_id = cast(:list as bigint))
				   and exists (select 1 from report_deliveries d where d.campaign_id = c.id)
				 order by c.id desc limit :n
				""").param("list", listId).param("n", limit).query(CampaignRates.class).list();
	}

	List<Day> days(Long listId, LocalDate from) {
		return jdbc.sql("""
				with days as (select generate_series(cast(:from as date), current_date, interval '1 day')::date as day),
				sent as (select (d.sent_at at time zone 'UTC')::date as day, count(*) as n
				           from report_deliveries d join report_campaigns c on c.id = d.campaign_id
				          where d.sent_at >= cast(:from as date)
				            and (cast(:list as bigint) is null or c.list_id = cast(:list as bigint))
				          group by 1),
				ev as (select (coalesce(d.sent_at, e.created_at) at time zone 'UTC')::date as day,
				              count(*) filter (where e.classification in ('HARD', 'SOFT')) as bounced,
				              count(*) filter (where e.kind = 'COMPLAINT' or e.reason = 'feedback') as complaints
				         from bounce_events e left join report_deliveries d on d.id = e.delivery_id
				        where coalesce(d.sent_at, e.created_at) >= cast(:from as date)
				          and (cast(:list as bigint) is null or e.list_id = cast(:list as bigint))
				        group by 1)
				select days.day, coalesce(sent.n, 0) as sent, coalesce(ev.bounced, 0) as bounced,
				       coalesce(ev.complaints, 0) as complaints
				  from days left join sent on sent.day = days.day left join ev on ev.day = days.day
				 order by days.day
				""").param("list", listId).param("from", from).query(Day.class).list();
	}

	List<Count> topReasons(Long listId, OffsetDateTime since, int limit) {
		return jdbc.sql("""
				select coalesce(reason, '(none)') as key, count(*) as n from bounce_events
				 where created_at >= :since and (cast(:list as bigint) is null or list_id = cast(:list as bigint))
				 group by 1 order by 2 desc, 1 limit :n
				""").param("list", listId).param("since", since).param("n", limit).query(Count.class).list();
	}

	List<Count> topDomains(Long listId, OffsetDateTime since, int limit) {
		return jdbc.sql("""
				select lower(split_part(recipient, '@', 2)) as key, count(*) as n from bounce_events
				 where created_at >= :since and classification in ('HARD', 'SOFT')
				   and (cast(:list as bigint) is null or list_id = cast(:list as bigint))
				 group by 1 order by 2 desc, 1 limit :n
				""").param("list", listId).param("since", since).param("n", limit).query(Count.class).list();
	}

	/** A change of membership state made by process-bounces, from the consent ledger. */
	record Action(OffsetDateTime createdAt, long subscriberId, String email, String list, String action, String why) {
	}

	/** What process-bounces did (disabled, removed, unsubscribed), newest first, as the ledger has it. */
	List<Action> actions(Long listId, int limit) {
		return jdbc.sql("""
				select c.created_at, c.subscriber_id, s.email, l.slug as list, c.new_status as action,
				       c.consent_text as why
				  from report_consent_events c join report_subscribers s on s.id = c.subscriber_id
				  join report_lists l on l.id = c.list_id
				 where c.source = 'BOUNCE_JOB' and (cast(:list as bigint) is null or c.list_id = cast(:list as bigint))
				 order by c.id desc limit :n
				""").param("list", listId).param("n", limit).query(Action.class).list();
	}

	List<Event> history(long subscriberId) {
		return jdbc.sql(EVENT + " where e.subscriber_id = :s order by e.id desc limit 500")
			.param("s", subscriberId)
			.query(Event.class)
			.list();
	}

	List<MemberState> memberStates(long subscriberId) {
		return jdbc.sql("""
				select l.slug as list, l.id as list_id, m.status, m.bounce_score as score, m.bounce_last_day as last_day,
				       m.bounce_disabled_at as disabled_at, m.bounce_warnings as warnings,
				       m.bounce_next_warning_at as next_warning_at
				  from report_memberships m join report_lists l on l.id = m.list_id
				 where m.subscriber_id = :s and l.deleted_at is null
				 order by l.slug
				""").param("s", subscriberId).query(MemberState.class).list();
	}

	Optional<String> email(long subscriberId) {
		return jdbc.sql("select email from report_subscribers where id = :id").param("id", subscriberId)
			.query(String.class).optional();
	}

	/** Streams the events since a time, oldest first (CSV export, API). */
	void events(Long listId, OffsetDateTime since, int limit, Consumer<Event> each) {
		jdbc.sql(EVENT + """
				 where e.created_at >= :since and (cast(:list as bigint) is null or e.list_id = cast(:list as bigint))
				 order by e.id limit :n
				""").param("list", listId).param("since", since).param("n", limit)
			.query(Event.class).stream().forEach(each);
	}

	Map<String, Long> totals(Long listId, OffsetDateTime since) {
		return jdbc.sql("""
				select count(*) filter (where classification = 'HARD') as hard,
				       count(*) filter (where classification = 'SOFT') as soft,
				       count(*) filter (where kind = 'COMPLAINT' or reason = 'feedback') as complaints,
				       count(*) filter (where action = 'DISABLED') as disabled,
				       count(*) filter (where action = 'UNSUBSCRIBED') as unsubscribed
				  from bounce_events
				 where created_at >= :since and (cast(:list as bigint) is null or list_id = cast(:list as bigint))
				""").param("list", listId).param("since", since).query((rs, i) -> {
				Map<String, Long> m = new java.util.LinkedHashMap<>();
				for (String k : List.of("hard", "soft", "complaints", "disabled", "unsubscribed")) {
					m.put(k, rs.getLong(k));
				}
				return m;
			}).single();
	}

	List<ReviewItem> review(BounceMessageState state, int limit) {
		return jdbc.sql("""
				select b.id, b.inbound_message_id, i.received_at, i.recipient, i.mail_from, i.subject, b.state, b.kind,
				       b.note, b.decided_by
				  from bounce_messages b join report_inbound_messages i on i.id = b.inbound_message_id
				 where b.state = :state
				 order by b.id desc limit :n
				""").param("state", state.name()).param("n", limit).query(ReviewItem.class).list();
	}

	long count(BounceMessageState state) {
		return jdbc.sql("select count(*) from bounce_messages where state = :state").param("state", state.name())
			.query(Long.class).single();
	}

	/** The raw bytes of a stored message that is a bounce (queued, reviewed or recorded). */
	Optional<byte[]> raw(long inboundMessageId) {
		return jdbc.sql("""
				select i.raw from report_inbound_messages i
				 where i.id = :id and exists (select 1 from bounce_messages b where b.inbound_message_id = i.id)
				""").param("id", inboundMessageId).query(byte[].class).optional();
	}

	/** A list's sends and complaints over a period (the home page's complaint warning). */
	record ListComplaints(long listId, long sent, long complaints) {

		double rate() {
			return sent == 0 ? 0 : (double) complaints / sent;
		}

	}

	/** Per list with any mail sent since {@code since}: messages sent and members who complained about them. */
	List<ListComplaints> complaintsSince(OffsetDateTime since) {
		return jdbc.sql("""
				with sent as (select c.list_id, count(*) as n
				                from report_deliveries d join report_campaigns c on c.id = d.campaign_id
				               where d.sent_at >= :since group by c.list_id),
				     ev as (select e.list_id, count(distinct e.subscriber_id) as n from bounce_events e
				                     where e.created_at >= :since and (e.kind = 'COMPLAINT' or e.reason = 'feedback')
				                     group by e.list_id)
				select sent.list_id, sent.n as sent, coalesce(ev.n, 0) as complaints
				  from sent left join ev on ev.list_id = sent.list_id
				 order by sent.list_id
				""").param("since", since).query(ListComplaints.class).list();
	}

}
