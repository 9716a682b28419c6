package org.listserv.composing;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign_templates} table. */
@Repository
class CampaignTemplates {

	private static final String SELECT = """
			select id, name, subject, preheader, body, format, layout, created_by, created_at, updated_at
			from campaign_templates
			""";

	private final JdbcClient jdbc;

	CampaignTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** By name, as the "Start from" menu lists them. */
	List<CampaignTemplate> all() {
		return jdbc.sql(SELECT + " order by lower(name), id").query(CampaignTemplate.class).list();
	}

	Optional<CampaignTemplate> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(CampaignTemplate.class).optional();
	}

	/** @return the new id, or empty if another template has this name (in any case) */
	Optional<Long> insert(String name, Campaign from, String createdBy) {
		try {
			return Optional.of(jdbc.sql("""
					insert into campaign_templates (name, subject, preheader, body, format, layout, created_by)
					values (:name, :subject, :preheader, :body, :format, :layout, :createdBy)
					returning id
					""").param("name", name).param("subject", from.subject()).param("preheader", from.preheader())
				.param("body", from.body()).param("format", from.format().name()).param("layout", from.layout())
				.param("createdBy", createdBy).query(Long.class).single());
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	/** @return false if there is no such template; throws {@link DuplicateKeyException} on a taken name */
	boolean rename(long id, String name) {
		return jdbc.sql("update campaign_templates set name = :name, updated_at = now() where id = :id")
			.param("id", id).param("name", name).update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from campaign_templates where id = :id").param("id", id).update() == 1;
	}

}
