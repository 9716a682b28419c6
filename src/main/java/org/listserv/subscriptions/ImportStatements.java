package org.listserv.subscriptions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.listserv.shared.ConflictException;
import org.listserv.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of one import, run on the rows COPY leaves in {@code import_rows}. Each statement handles every row
 * at once, so a million rows cost a few statements, not a million round trips.
 *
 * <p>No statement may become quadratic, whatever the statistics say. An import makes the statistics of
 * {@code memberships} wrong for exactly the list it imports into: rows this transaction inserts, or that
 * came since autovacuum last looked, are estimated as one. A nested loop that believes its outer side is
 * one row may put a scan of a million rows inside it, once for each of a million outer rows. So: the
 * temporary tables are analysed as soon as they are filled (their estimates are then right); memberships
 * is never joined while restricted by this list's id: this list's rows are copied into a temporary table
 * first, and later statements reach memberships by primary key; and a statement with nothing to do is
 * not run.
 */
final class ImportStatements {

	private final JdbcClient jdbc;

	private final long listId;

	private final ImportMode mode;

	private final Actor actor;

	private final Observer observer;

	ImportStatements(JdbcClient jdbc, long listId, ImportMode mode, Actor actor, Observer observer) {
		this.jdbc = jdbc;
		this.listId = listId;
		this.mode = mode;
		this.actor = actor;
		this.observer = observer;
	}

	/** Told about each statement of an import just before it runs, in the import's transaction. */
	@FunctionalInterface
	interface Observer {

		Observer NONE = (sql, params) -> {
		};

		void beforeRunning(String sql, Map<String, ?> params);

	}

	/** A row whose address came earlier in the file. */
	@FunctionalInterface
	interface DuplicateHandler {

		void duplicate(long line, String email, long firstLine);

	}

	void createRowsTable() {
		jdbc.sql("""
				create temp table import_rows (line bigint, email text, name text, language text, attributes jsonb)
				on commit drop""").update();
	}

	void analyzeRows() {
		jdbc.sql("analyze import_rows").update();
	}

	/** A second row for an address already in the file is rejected; the first one counts. */
	void rejectDuplicates(DuplicateHandler handler) {
		sql("""
				delete from import_rows r
				using (select line, min(line) over (partition by lower(email)) as first_line from import_rows) d
				where r.line = d.line and d.first_line <> d.line
				returning r.line, r.email, d.first_line
				""", Map.of()).query(rs -> {
			handler.duplicate(rs.getLong("line"), rs.getString("email"), rs.getLong("first_line"));
		});
	}

	ImportResult apply(List<ImportResult.Rejection> rejected, long rejectedCount) {
		// This list's memberships, copied first: a scan of one table, linear whatever its estimate, and then
		// joined with statistics that are right. (Joining memberships itself, the planner would either trust
		// the stale estimate of this list's rows or, reaching them by key, hash every list's memberships.)
		sql("""
				create temp table import_members on commit drop as
				select subscriber_id, id, status from memberships where list_id = :list
				""", Map.of("list", listId)).update();
		jdbc.sql("analyze import_members").update();
		// Every row is matched to its subscriber and to its membership of this list (old_status null: not on
		// it); "refresh" marks known people whose name, language or attributes the file changes, unless they
		// left this list (a blank name or language changes nothing). Unknown addresses become subscribers,
		// and their rows come from the insert's RETURNING rather than from a join on the address: RETURNING
		// has no statistics, and its estimate could be one row.
		sql("""
				create temp table import_matched on commit drop as
				with matched as materialized (
				    select r.email, r.name, r.language, r.attributes, s.id as known_id, m.id as membership_id,
				           m.status as old_status,
				           s.id is not null and (m.status is null or m.status in ('ACTIVE', 'PENDING'))
				               and ((r.name <> '' and r.name <> s.name)
				                    or (r.language <> '' and r.language is distinct from s.language)
				                    or not s.attributes @> r.attributes) as refresh
				    from import_rows r
				    left join subscribers s on lower(s.email) = lower(r.email)
				    left join import_members m on m.subscriber_id = s.id),
				added as (
				    insert into subscribers (email, name, language, attributes)
				    select email, name, nullif(language, ''), attributes from matched where known_id is null
				    on conflict ((lower(email))) do nothing
				    returning id, name, coalesce(language, '') as language, attributes)
				select known_id as subscriber_id, membership_id, old_status, refresh, name, language, attributes
				from matched where known_id is not null
				union all
				select id, null, null, false, name, language, attributes from added
				""", Map.of()).update();
		jdbc.sql("analyze import_matched").update();
		// an address another import added after this one looked is neither known nor added: its row is missing
		Counts counts = sql("""
				select (select count(*) from import_rows) - count(*) as unmatched,
				       count(*) filter (where old_status is null) as joining,
				       count(*) filter (where old_status in ('ACTIVE', 'PENDING')) as updated,
				       count(*) filter (where old_status = 'PENDING') as pending,
				       count(*) filter (where old_status in ('UNSUBSCRIBED', 'REMOVED', 'DISABLED')) as skipped,
				       count(*) filter (where refresh) as refresh
				from import_matched
				""", Map.of()).query(Counts.class).single();
		if (counts.unmatched() > 0) {
			throw new ConflictException(new Text("subscriptions.import.error.concurrent"));
		}
		if (counts.refresh() > 0) {
			// the condition again: it also holds on the row as it is now, so an unchanged person keeps updated_at
			sql("""
					update subscribers s
					   set name = case when i.name <> '' then i.name else s.name end,
					       language = case when i.language <> '' then i.language else s.language end,
					       attributes = s.attributes || i.attributes, updated_at = now()
					from import_matched i
					where s.id = i.subscriber_id and i.refresh
					  and ((i.name <> '' and i.name <> s.name)
					       or (i.language <> '' and i.language is distinct from s.language)
					       or not s.attributes @> i.attributes)
					""", Map.of()).update();
		}
		skipForeignKeyChecks();
		long imported = counts.joining() == 0 ? 0 : sql("""
				with added as (
				    insert into memberships (list_id, subscriber_id, status, awaiting, subscribed_at, confirmation_due_at)
				    select :list, subscriber_id, :mode, case when :mode = 'PENDING' then 'CONFIRMATION' end,
				           case when :mode = 'ACTIVE' then now() end, case when :mode = 'PENDING' then now() end
				    from import_matched where old_status is null
				    on conflict (list_id, subscriber_id) do nothing
				    returning subscriber_id)
				insert into consent_events (subscriber_id, list_id, old_status, new_status, source, actor, ip)
				select subscriber_id, :list, null, :mode, :source, :actor, :ip from added
				""", ledgerParams()).update();
		if (mode == ImportMode.ACTIVE && counts.pending() > 0) {
			// by the membership's own id: "m.list_id = :list" here is the estimate of one row that put a scan
			// of import_matched inside a nested loop over the list's million new members
			sql("""
					with activated as (
					    update memberships m
					       set status = 'ACTIVE', awaiting = null, subscribed_at = now(), status_changed_at = now(),
					           updated_at = now(), confirmation_due_at = null
					    from import_matched i
					    where m.id = i.membership_id and i.old_status = 'PENDING'
					    returning m.subscriber_id)
					insert into consent_events (subscriber_id, list_id, old_status, new_status, source, actor, ip)
					select subscriber_id, :list, 'PENDING', 'ACTIVE', :source, :actor, :ip from activated
					""", ledgerParams()).update();
		}
		return new ImportResult(imported, counts.updated(), counts.skipped(), List.copyOf(rejected), rejectedCount);
	}

	/** How the matched rows divide. */
	record Counts(long unmatched, long joining, long updated, long pending, long skipped, long refresh) {
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

	private JdbcClient.StatementSpec sql(String sql, Map<String, ?> params) {
		observer.beforeRunning(sql, params);
		return jdbc.sql(sql).params(params);
	}

	private Map<String, Object> ledgerParams() {
		Map<String, Object> p = new HashMap<>();
		p.put("list", listId);
		p.put("mode", mode.name());
		p.put("source", actor.source().name());
		p.put("actor", actor.actor());
		p.put("ip", actor.ip());
		return p;
	}

}
