package org.listserv.posting;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code posts} table. */
@Repository
class Posts {

	static final String COLUMNS = """
			id, list_id, status, sender, sender_name, subject, message_id, in_reply_to, thread_root_id, body_text,
			verdicts::text as verdicts, hold_reason, campaign_id, decided_by, decision_note, received_at, decided_at,
			distributed_at
			""";

	/** A new post's row. */
	record NewPost(long listId, String rawSha256, PostStatus status, String sender, String senderName, String subject,
			String messageId, String inReplyTo, Long threadRootId, String bodyText, String verdicts, String holdReason,
			byte[] raw, String moderationToken, String language) {
	}

	private final JdbcClient jdbc;

	Posts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> findByHash(long listId, String sha256) {
		return jdbc.sql("select id from posts where list_id = :l and raw_sha256 = :h").param("l", listId)
			.param("h", sha256).query(Long.class).optional();
	}

	long insert(NewPost p) {
		return jdbc.sql("""
				insert into posts (list_id, raw_sha256, status, sender, sender_name, subject, message_id, in_reply_to,
				                   thread_root_id, body_text, verdicts, hold_reason, raw, moderation_token, search_config)
				values (:listId, :sha, :status, :sender, :senderName, :subject, :messageId, :inReplyTo, :root,
				        :body, cast(:verdicts as jsonb), :holdReason, :raw, :token, listserv_search_config(:language))
				returning id
				""").param("listId", p.listId()).param("sha", p.rawSha256()).param("status", p.status().name())
			.param("sender", p.sender()).param("senderName", p.senderName()).param("subject", p.subject())
			.param("messageId", p.messageId()).param("inReplyTo", p.inReplyTo()).param("root", p.threadRootId())
			.param("body", p.bodyText()).param("verdicts", p.verdicts()).param("holdReason", p.holdReason())
			.param("raw", p.raw()).param("token", p.moderationToken()).param("language", p.language())
			.query(Long.class).single();
	}

	/**
	 * The root of the thread a reply belongs to: the first of the Message-IDs it refers to (In-Reply-To, then
	 * References newest first) that is a post of this list.
	 */
	Optional<Long> threadRoot(long listId, List<String> referenced) {
		for (String id : referenced) {
			Optional<Long> root = jdbc.sql("""
					select coalesce(thread_root_id, id) from posts
					where list_id = :l and message_id = :m and status = 'DISTRIBUTED' order by id limit 1
					""").param("l", listId).param("m", id).query(Long.class).optional();
			if (root.isPresent()) {
				return root;
			}
		}
		return Optional.empty();
	}

	Optional<Post> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from posts where id = :id").param("id", id).query(Post.class).optional();
	}

	Optional<Long> findHeldByToken(String tokenHash) {
		return jdbc.sql("select id from posts where moderation_token = :t and status = 'HELD'").param("t", tokenHash)
			.query(Long.class).optional();
	}

	Optional<Long> findByToken(String tokenHash) {
		return jdbc.sql("select id from posts where moderation_token = :t").param("t", tokenHash)
			.query(Long.class).optional();
	}

	byte[] raw(long id) {
		return jdbc.sql("select raw from posts where id = :id").param("id", id).query(byte[].class).single();
	}

	Optional<byte[]> decoratedOfCampaign(long campaignId) {
		return jdbc.sql("select decorated from posts where campaign_id = :c").param("c", campaignId)
			.query(byte[].class).optional();
	}

	List<Post> held(long listId) {
		return jdbc.sql("select " + COLUMNS + " from posts where list_id = :l and status = 'HELD' order by received_at, id")
			.param("l", listId).query(Post.class).list();
	}

	/** Moves a HELD post to a decided state; false if someone decided first. */
	boolean decide(long id, PostStatus to, String by, String note) {
		return jdbc.sql("""
				update posts set status = :to, decided_by = :by, decision_note = :note, decided_at = now()
				where id = :id and status = 'HELD'
				""").param("to", to.name()).param("by", by).param("note", note).param("id", id).update() == 1;
	}

	void distributed(long id, byte[] decorated, Long campaignId) {
		jdbc.sql("""
				update posts set status = 'DISTRIBUTED', decorated = :d, campaign_id = :c, distributed_at = now()
				where id = :id
				""").param("d", decorated).param("c", campaignId).param("id", id).update();
	}

	/** HELD posts received before the cut-off, to expire. */
	List<Long> heldBefore(java.time.OffsetDateTime cutoff) {
		return jdbc.sql("select id from posts where status = 'HELD' and received_at < :t order by id")
			.param("t", cutoff).query(Long.class).list();
	}

	/** Held posts per list id, for the home page (the moderation queue of each list). */
	java.util.Map<Long, Long> heldCounts() {
		java.util.Map<Long, Long> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("select list_id, count(*) as n from posts where status = 'HELD' group by list_id order by list_id")
			.query(rs -> {
				counts.put(rs.getLong("list_id"), rs.getLong("n"));
			});
		return counts;
	}

	/** Remembers the received message a post came from (its note follows the moderator's decision). */
	void setInboundMessage(long postId, long inboundMessageId) {
		jdbc.sql("update posts set inbound_message_id = :m where id = :id and inbound_message_id is null")
			.param("id", postId).param("m", inboundMessageId).update();
	}

	/** The received message a post came from, if known (posts stored before V27 do not know it). */
	Optional<Long> inboundMessage(long postId) {
		return jdbc.sql("select inbound_message_id from posts where id = :id and inbound_message_id is not null")
			.param("id", postId).query(Long.class).optional();
	}

}
