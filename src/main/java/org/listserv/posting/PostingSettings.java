package org.listserv.posting;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code posting_settings} and {@code posting_senders}. */
@Repository
class PostingSettings {

	private final JdbcClient jdbc;

	PostingSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PostSettings of(long listId) {
		return jdbc.sql("""
				select subject_prefix, reply_to, max_size, max_recipients, emergency_moderation, archive,
				       digest_frequency
				from posting_settings where list_id = :id
				""").param("id", listId).query(PostSettings.class).optional().orElse(PostSettings.DEFAULTS);
	}

	void save(long listId, PostSettings s) {
		jdbc.sql("""
				insert into posting_settings (list_id, subject_prefix, reply_to, max_size, max_recipients,
				                              emergency_moderation, archive, digest_frequency)
				values (:id, :prefix, :replyTo, :maxSize, :maxRecipients, :emergency, :archive, :digest)
				on conflict (list_id) do update set subject_prefix = excluded.subject_prefix,
				    reply_to = excluded.reply_to, max_size = excluded.max_size,
				    max_recipients = excluded.max_recipients, emergency_moderation = excluded.emergency_moderation,
				    archive = excluded.archive, digest_frequency = excluded.digest_frequency, updated_at = now()
				""").param("id", listId).param("prefix", s.subjectPrefix()).param("replyTo", s.replyTo())
			.param("maxSize", s.maxSize()).param("maxRecipients", s.maxRecipients())
			.param("emergency", s.emergencyModeration()).param("archive", s.archive())
			.param("digest", s.digestFrequency()).update();
	}

	/** {@code ALLOWED}, {@code BANNED}, or empty. */
	Optional<String> senderKind(long listId, String address) {
		return jdbc.sql("select kind from posting_senders where list_id = :id and lower(address) = lower(:a)")
			.param("id", listId).param("a", address).query(String.class).optional();
	}

	void setSender(long listId, String address, String kind, String by) {
		jdbc.sql("""
				insert into posting_senders (list_id, address, kind, added_by) values (:id, lower(:a), :kind, :by)
				on conflict (list_id, address) do update set kind = excluded.kind, added_by = excluded.added_by
				""").param("id", listId).param("a", address).param("kind", kind).param("by", by).update();
	}

}
