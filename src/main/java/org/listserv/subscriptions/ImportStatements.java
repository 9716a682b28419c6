package org.listserv.subscriptions;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based half of an import, run on the rows COPY left in {@code import_rows} (already free of
 * duplicates). Each statement handles every row at once, so a million rows cost a few statements, not a
 * million round trips.
 */
final class ImportStatements {

	private final JdbcClient jdbc;

	private final long listId;

	private final ImportMode mode;

	private final Actor actor;

	ImportStatements(JdbcClient jdbc, long listId, ImportMode mode, Actor actor) {
		this.jdbc = jdbc;
		this.listId = listId;
		this.mode = mode;
		this.actor = actor;
	}

	ImportResult apply(List<ImportResult.Rejection> rejected, long rejectedCount) {
		// Each row with what is stored about its address now; old_status null means "not on this list".
		jdbc.sql("""
				create temp table import_matched on commit drop as
				select r.line, r.email, r.name, r.attributes, s.id as subscriber_id, m.status as old_status
				from import_rows r
				left join subscribers s on lower(s.email) = lower(r.email)
				left join memberships m on m.subscriber_id = s.id and m.list_id = :list
				""").param("list", listId).update();
		jdbc.sql("analyze import_matched").update();

		long skipped = count("old_status in ('UNSUBSCRIBED', 'REMOVED', 'DISABLED')");
		long updated = count("old_status in ('ACTIVE', 'PENDING')");

		jdbc.sql("""
				insert into subscribers (email, name, attributes)
				select email, name, attributes from import_matched where subscriber_id is null
				on conflict ((lower(email))) do nothing
				""").update();
		jdbc.sql("""
				update import_matched i set subscriber_id = s.id
				from subscribers s where i.subscriber_id is null and lower(s.email) = lower(i.email)
				""").update();
		// Known people get a non-empty name and new attributes from the file, unless they left this list.
		jdbc.sql("""
				update subscribers s
				   set name = case when i.name <> '' then i.name else s.name end,
				       attributes = s.attributes || i.attributes, updated_at = now()
				from import_matched i
				where i.subscriber_id = s.id
				  and (i.old_status is null or i.old_status in ('ACTIVE', 'PENDING'))
				  and ((i.name <> '' and i.name <> s.name) or not s.attributes @> i.attributes)
				""").update();

		long imported = jdbc.sql("""
				with added as (
				    insert into memberships (list_id, subscriber_id, status, subscribed_at)
				    select :list, subscriber_id, :mode, case when :mode = 'ACTIVE' then now() end
				    from import_matched where old_status is null
				    on conflict (list_id, subscriber_id) do nothing
				    returning subscriber_id)
				insert into consent_events (subscriber_id, list_id, old_status, new_status, source, actor, ip)
				select subscriber_id, :list, null, :mode, :source, :actor, :ip from added
				""").params(ledgerParams()).update();

		if (mode == ImportMode.ACTIVE) {
			jdbc.sql("""
					with activated as (
					    update memberships m
					       set status = 'ACTIVE', subscribed_at = now(), status_changed_at = now(), updated_at = now()
					    from import_matched i
					    where m.list_id = :list and m.subscriber_id = i.subscriber_id and i.old_status = 'PENDING'
					    returning m.subscriber_id)
					insert into consent_events (subscriber_id, list_id, old_status, new_status, source, actor, ip)
					select subscriber_id, :list, 'PENDING', 'ACTIVE', :source, :actor, :ip from activated
					""").params(ledgerParams()).update();
		}
		return new ImportResult(imported, updated, skipped, List.copyOf(rejected), rejectedCount);
	}

	private long count(String condition) {
		return jdbc.sql("select count(*) from import_matched where " + condition).query(Long.class).single();
	}

	private java.util.Map<String, Object> ledgerParams() {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("list", listId);
		p.put("mode", mode.name());
		p.put("source", actor.source().name());
		p.put("actor", actor.actor());
		p.put("ip", actor.ip());
		return p;
	}

}
