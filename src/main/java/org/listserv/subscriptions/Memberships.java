package org.listserv.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.listserv.lists.MemberCounts;
import org.listserv.lists.MemberCounts.Growth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code memberships} table: a subscriber on a list, with status and delivery mode. */
@Repository
class Memberships implements MemberCounts {

	private static final String MEMBER = """
			select s.id as subscriber_id, s.email, s.name, m.status, m.delivery_mode, m.subscribed_at,
			       m.status_changed_at, s.attributes::text as attributes, m.awaiting, s.language
			from memberships m join subscribers s on s.id = m.subscriber_id
			""";

	/** Optional filters: a null status or query matches everything. */
	private static final String FILTER = """
			where m.list_id = :list
			  and (cast(:status as text) is null or m.status = cast(:status as text))
			  and (cast(:pattern as text) is null or lower(s.email) like :pattern or lower(s.name) like :pattern)
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Memberships(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Member> find(long listId, long subscriberId) {
		return jdbc.sql(MEMBER + " where m.list_id = :list and m.subscriber_id = :subscriber")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.query(this::member)
			.optional();
	}

	List<Member> page(long listId, MembershipStatus status, String query, int page, int size) {
		return jdbc.sql(MEMBER + FILTER + " order by lower(s.email) limit :size offset :offset")
			.params(filter(listId, status, query))
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::member)
			.list();
	}

	long count(long listId, MembershipStatus status, String query) {
		return jdbc.sql("select count(*) from memberships m join subscribers s on s.id = m.subscriber_id " + FILTER)
			.params(filter(listId, status, query))
			.query(Long.class)
			.single();
	}

	/** A new membership; {@code awaiting} is required for PENDING and ignored otherwise. */
	void insert(long listId, long subscriberId, MembershipStatus status, PendingReason awaiting) {
		jdbc.sql("""
				insert into memberships (list_id, subscriber_id, status, awaiting, subscribed_at)
				values (:list, :subscriber, :status, :awaiting, case when :status = 'ACTIVE' then now() end)
				""")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.param("status", status.name())
			.param("awaiting", awaiting(status, awaiting))
			.update();
	}

	void insert(long listId, long subscriberId, MembershipStatus status) {
		insert(listId, subscriberId, status, PendingReason.CONFIRMATION);
	}

	/** Changes the status; {@code awaiting} is required for PENDING and ignored otherwise. */
	void updateStatus(long listId, long subscriberId, MembershipStatus status, PendingReason awaiting) {
		jdbc.sql("""
				update memberships
				   set status = :status, awaiting = :awaiting, status_changed_at = now(), updated_at = now(),
				       subscribed_at = case when :status = 'ACTIVE' then now() else subscribed_at end,
				       confirmation_due_at = case when cast(:awaiting as text) = 'CONFIRMATION' then confirmation_due_at end
				 where list_id = :list and subscriber_id = :subscriber
				""")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.param("status", status.name())
			.param("awaiting", awaiting(status, awaiting))
			.update();
	}

	void updateStatus(long listId, long subscriberId, MembershipStatus status) {
		updateStatus(listId, subscriberId, status, PendingReason.CONFIRMATION);
	}

	boolean receivesOwnPosts(long listId, long subscriberId) {
		return jdbc.sql("select receive_own_posts from memberships where list_id = :list and subscriber_id = :s")
			.param("list", listId)
			.param("s", subscriberId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void updateOwnPosts(long listId, long subscriberId, boolean ownPosts) {
		jdbc.sql("update memberships set receive_own_posts = :own, updated_at = now() "
				+ "where list_id = :list and subscriber_id = :s")
			.param("own", ownPosts)
			.param("list", listId)
			.param("s", subscriberId)
			.update();
	}

	void updateMode(long listId, long subscriberId, DeliveryMode mode) {
		jdbc.sql("""
				update memberships set delivery_mode = :mode, updated_at = now()
				where list_id = :list and subscriber_id = :subscriber
				""")
			.param("list", listId)
			.param("subscriber", subscriberId)
			.param("mode", mode.name())
			.update();
	}

	/** Every membership of one subscriber, any status. */
	List<Long> listIdsOf(long subscriberId) {
		return jdbc.sql("select list_id from memberships where subscriber_id = :subscriber order by list_id")
			.param("subscriber", subscriberId)
			.query(Long.class)
			.list();
	}

	/** PENDING memberships of a list that wait for an admin, oldest first. */
	List<Member> awaitingApproval(long listId) {
		return jdbc.sql(MEMBER + " where m.list_id = :list and m.awaiting = 'APPROVAL' order by m.status_changed_at")
			.param("list", listId)
			.query(this::member)
			.list();
	}

	private static String awaiting(MembershipStatus status, PendingReason awaiting) {
		return status == MembershipStatus.PENDING ? (awaiting == null ? PendingReason.CONFIRMATION : awaiting).name()
				: null;
	}

	@Override
	public Map<Long, Map<String, Long>> countsByList() {
		Map<Long, Map<String, Long>> counts = new HashMap<>();
		jdbc.sql("select list_id, status, count(*) as n from memberships group by list_id, status")
			.query(rs -> {
				counts.computeIfAbsent(rs.getLong("list_id"), k -> new HashMap<>())
					.put(rs.getString("status"), rs.getLong("n"));
			});
		return counts;
	}

	private static Map<String, Object> filter(long listId, MembershipStatus status, String query) {
		Map<String, Object> p = new HashMap<>();
		p.put("list", listId);
		p.put("status", status == null ? null : status.name());
		p.put("pattern", query == null || query.isBlank() ? null : "%" + escapeLike(query.strip().toLowerCase()) + "%");
		return p;
	}

	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	Member member(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getLong("subscriber_id"), rs.getString("email"), rs.getString("name"),
				MembershipStatus.valueOf(rs.getString("status")), DeliveryMode.valueOf(rs.getString("delivery_mode")),
				rs.getObject("subscribed_at", OffsetDateTime.class),
				rs.getObject("status_changed_at", OffsetDateTime.class),
				json.readValue(rs.getString("attributes"), new TypeReference<Map<String, Object>>() {
				}), rs.getString("awaiting") == null ? null : PendingReason.valueOf(rs.getString("awaiting")),
				rs.getString("language"));
	}

	/** Memberships waiting for an admin's approval, per list id (the home page). */
	Map<Long, Long> approvalCounts() {
		Map<Long, Long> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select list_id, count(*) as n from memberships
				 where status = 'PENDING' and awaiting = 'APPROVAL' group by list_id order by list_id
				""").query(rs -> {
			counts.put(rs.getLong("list_id"), rs.getLong("n"));
		});
		return counts;
	}

	/**
	 * Per list id, members who joined since {@code since} and are still active, and members who left (unsubscribed
	 * or removed) since then: the growth column of the home page. Status changes are on the row (status_changed_at),
	 * so no walk of the consent ledger is needed.
	 */
	@Override
	public Map<Long, Growth> growthSince(java.time.OffsetDateTime since) {
		Map<Long, Growth> growth = new HashMap<>();
		jdbc.sql("""
				select list_id,
				       count(*) filter (where status = 'ACTIVE' and subscribed_at >= :since) as joined,
				       count(*) filter (where status in ('UNSUBSCRIBED', 'REMOVED') and status_changed_at >= :since) as left_
				  from memberships
				 where subscribed_at >= :since or status_changed_at >= :since
				 group by list_id
				""").param("since", since).query(rs -> {
			growth.put(rs.getLong("list_id"), new Growth(rs.getLong("joined"), rs.getLong("left_")));
		});
		return growth;
	}

}
