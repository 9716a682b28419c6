package org.listserv.lists;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code lists} table. Deleted lists keep their row and are invisible here. */
@Repository
class Lists {

	private static final String COLUMNS = """
			id, slug, name, description, kind, subscription_policy, posting_policy,
			from_name, from_address, reply_to, footer, public as public_list, consent_text, goodbye_notice,
			bounce_threshold, greeting_fallback, language,
			created_at, updated_at
			""";

	private final JdbcClient jdbc;

	Lists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<MailingList> all() {
		return jdbc.sql("select " + COLUMNS + " from lists where deleted_at is null order by name, slug")
			.query(MailingList.class)
			.list();
	}

	Optional<MailingList> findBySlug(String slug) {
		return jdbc.sql("select " + COLUMNS + " from lists where slug = :slug and deleted_at is null")
			.param("slug", slug)
			.query(MailingList.class)
			.optional();
	}

	Optional<MailingList> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from lists where id = :id")
			.param("id", id)
			.query(MailingList.class)
			.optional();
	}

	MailingList insert(ListSettings s) {
		return jdbc.sql("""
				insert into lists (slug, name, description, kind, subscription_policy, posting_policy,
				                   from_name, from_address, reply_to, footer, public, consent_text, goodbye_notice,
				                   bounce_threshold, greeting_fallback, language)
				values (:slug, :name, :description, :kind, :subscriptionPolicy, :postingPolicy,
				        :fromName, :fromAddress, :replyTo, :footer, :publicList, :consentText, :goodbyeNotice,
				        :bounceThreshold, :greetingFallback, :language)
				""" + " returning " + COLUMNS)
			.params(s.asParams())
			.query(MailingList.class)
			.single();
	}

	MailingList update(long id, ListSettings s) {
		return jdbc.sql("""
				update lists set name = :name, description = :description, kind = :kind,
				       subscription_policy = :subscriptionPolicy, posting_policy = :postingPolicy,
				       from_name = :fromName, from_address = :fromAddress, reply_to = :replyTo,
				       footer = :footer, public = :publicList, consent_text = :consentText,
				       goodbye_notice = :goodbyeNotice, bounce_threshold = :bounceThreshold,
				       greeting_fallback = :greetingFallback, language = :language,
				       updated_at = now()
				where id = :id and deleted_at is null
				""" + " returning " + COLUMNS)
			.params(s.asParams())
			.param("id", id)
			.query(MailingList.class)
			.single();
	}

	boolean lockShared(long id) {
		return jdbc.sql("select id from lists where id = :id and deleted_at is null for share")
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	boolean markDeleted(long id) {
		return jdbc.sql("update lists set deleted_at = now() where id = :id and deleted_at is null")
			.param("id", id)
			.update() == 1;
	}

}
