package org.listserv.subscriptions;

import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code subscribers} table: one row per address, matched without regard to case. */
@Repository
class Subscribers {

	record Subscriber(long id, String email, String name) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Subscribers(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Subscriber> findByEmail(String email) {
		return jdbc.sql("select id, email, name from subscribers where lower(email) = lower(:email)")
			.param("email", email)
			.query(Subscriber.class)
			.optional();
	}

	Optional<Subscriber> findById(long id) {
		return jdbc.sql("select id, email, name from subscribers where id = :id")
			.param("id", id)
			.query(Subscriber.class)
			.optional();
	}

	/** The language a subscriber chose (a stored tag), empty when they have none or there is no such address. */
	Optional<String> language(String email) {
		return jdbc.sql("select language from subscribers where lower(email) = lower(:email) and language is not null")
			.param("email", email)
			.query(String.class)
			.optional();
	}

	/** Sets (or with null clears) a subscriber's language. */
	void setLanguage(long id, String language) {
		jdbc.sql("update subscribers set language = :language, updated_at = now() where id = :id")
			.param("id", id)
			.param("language", language)
			.update();
	}

	void rename(long id, String name) {
		jdbc.sql("update subscribers set name = :name, updated_at = now() where id = :id")
			.param("id", id)
			.param("name", name)
			.update();
	}

	/**
	 * Creates the subscriber or refreshes them: a non-empty name replaces the stored one, attributes are
	 * merged over the stored ones. Returns the id.
	 */
	long upsert(String email, String name, Map<String, Object> attributes) {
		return jdbc.sql("""
				insert into subscribers (email, name, attributes) values (:email, :name, cast(:attributes as jsonb))
				on conflict ((lower(email))) do update
				   set name = case when excluded.name <> '' then excluded.name else subscribers.name end,
				       attributes = subscribers.attributes || excluded.attributes,
				       updated_at = now()
				returning id
				""")
			.param("email", email)
			.param("name", name == null ? "" : name)
			.param("attributes", json.writeValueAsString(attributes == null ? Map.of() : attributes))
			.query(Long.class)
			.single();
	}

}
