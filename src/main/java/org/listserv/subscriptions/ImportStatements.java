package org.listserv.subscriptions;

import java.util.List;

import org.listserv.web.ConflictException;

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
		// New addresses are inserted and every row is matched to its subscriber in one pass; old_status is
		// the status on this list (null: not on it). The main query sees the table as it was before the
		// insert, so new subscribers come from the insert's RETURNING.
		jdbc.sql("""
				create temp table import_matched on commit drop as
				with added as (
				    insert into subscribers (email, name, attributes)
				    select email, name, attributes from import_rows
				    on conflict ((lower(email))) do nothing
				    returning id, lower(email) as key)
				select r.line, r.email, r.name, r.attributes, coalesce(a.id, s.id) as subscriber_id,
				       a.id is not null as is_new, m.status as old_status
				from import_rows r
				left join added a on a.key = lower(r.email)
				left join subscribers s on lower(s.email) = lower(r.email)
				left join memberships m on m.subscriber_id = s.id and m.list_id = :list
				""").param("list", listId).update();
		if (count("subscriber_id is null") > 0) {
			throw new ConflictException(
					"Another import added some of these addresses at the same moment; nothing was imported, run it again");
		}
		jdbc.sql("analyze import_matched").update();

		long skipped = count("old_status in ('UNSUBSCRIBED', 'REMOVED', 'DISABLED')");
		long updated = count("old_status in ('ACTIVE', 'PENDING')");

		// Known people get a non-empty name and new attributes from the file, unless they left this list.
		jdbc.sql("""
				update subscribers s
				   set name = case when i.name <> '' then i.name else s.name end,
				       attributes = s.attributes || i.attributes, updated_at = now()
				from import_matched i
				where i.subscriber_id = s.id and not i.is_new
				  and (i.old_status is null or i.old_status in ('ACTIVE', 'PENDING'))
				  and ((i.name <> '' and i.name <> s.name) or not s.attributes @> i.attributes)
				""").update();
		skipForeignKeyChecks();

		long imported = jdbc.sql("""
				with added as (
				    insert into memberships (list_id, subscriber_id, status, awaiting, subscribed_at)
				    select :list, subscriber_id, :mode, case when :mode = 'PENDING' then 'CONFIRMATION' end,
				           case when :mode = 'ACTIVE' then now() end
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
					       set status = 'ACTIVE', awaiting = null, subscribed_at = now(), status_changed_at = now(),
					           updated_at = now()
					    from import_matched i
					    where m.list_id = :list and m.subscriber_id = i.subscriber_id and i.old_status = 'PENDING'
					    returning m.subscriber_id)
					insert into consent_events (subscriber_id, list_id, old_status, new_status, source, actor, ip)
					select subscriber_id, :list, 'PENDING', 'ACTIVE', :source, :actor, :ip from activated
					""").params(ledgerParams()).update();
		}
		return new ImportResult(imported, updated, skipped, List.copyOf(rejected), rejectedCount);
	}

	/**
	 * The two bulk inserts below reference only the list locked by the import and subscribers just joined
	 * in this transaction (neither table ever deletes rows), so their foreign keys hold by construction.
	 * PostgreSQL still checks them one row at a time, which costs more than the inserts themselves on a
	 * large file; where the database role may, the checks are switched off for the rest of this
	 * transaction only. Elsewhere they run, and the import is just slower.
	 */
	private void skipForeignKeyChecks() {
		Boolean superuser = jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (superuser) {
			jdbc.sql("set local session_replication_role = replica").update();
		}
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
