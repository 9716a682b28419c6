package org.listserv.subscriptions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.shared.Languages;
import org.listserv.shared.Texts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing people who are already on another list, or on this one, under the statistics autovacuum
 * leaves: fresh ones (ANALYZE after the first list) and stale ones (a list's rows added since the last
 * ANALYZE). Each statement's plan is read with EXPLAIN just before the statement runs, in the import's
 * transaction, and no nested loop in it may read anything on its inner side but an index lookup keyed by
 * the outer row: a nested loop over a table scan, chosen because the outer side was estimated at one row,
 * is what made the second import of a million people run for hours.
 */
class MemberImportPlansIntegrationTests extends IntegrationTest {

	private static final Actor ADMIN_ACTOR = Actor.staff(ConsentSource.IMPORT, ADMIN, "127.0.0.1");

	private static final int PEOPLE = 3000;

	/** A column of another relation in a condition, such as {@code i.subscriber_id}. */
	private static final Pattern OUTER_COLUMN = Pattern.compile("(?<![\\w.'])[a-z_][a-z0-9_]*\\.[a-z_]");

	@Autowired
	MemberImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JsonMapper json;

	@Autowired
	SubscriptionsProperties properties;

	@Autowired
	Languages languages;

	@Autowired
	Texts texts;

	private final List<Plan> plans = new ArrayList<>();

	private record Plan(String sql, JsonNode tree) {
	}

	@Test
	void aSecondListWithTheSamePeopleJoinsThemAllThroughIndexedKeys() {
		String domain = domain();
		String file = people(0, PEOPLE, "Person", domain);
		MailingList first = newList("INFORMATIONAL");
		assertThat(load(importer, first, file, ImportMode.ACTIVE).imported()).isEqualTo(PEOPLE);
		analyzeLikeAutovacuum();

		MailingList second = newList("ACTION");
		ImportResult r = load(planningImporter(), second, file, ImportMode.ACTIVE);

		assertThat(r).isEqualTo(new ImportResult(PEOPLE, 0, 0, List.of(), 0));
		assertEveryPlanLooksRowsUpByKey();
		assertThat(statementsRun()).noneMatch(s -> s.contains("update "));
		assertThat(members(second, "ACTIVE")).isEqualTo(PEOPLE);
		assertThat(members(first, "ACTIVE")).isEqualTo(PEOPLE);
		assertThat(ledger(second, null, "ACTIVE")).isEqualTo(PEOPLE);
		assertThat(subscribers(domain)).isEqualTo(PEOPLE);
	}

	@Test
	void halfOverlappingPeopleAllJoinAndTheKnownHalfGetsTheNamesFromTheFile() {
		String domain = domain();
		MailingList first = newList("INFORMATIONAL");
		load(importer, first, people(0, PEOPLE, "Person", domain), ImportMode.ACTIVE);
		analyzeLikeAutovacuum();

		MailingList third = newList("ACTION");
		ImportResult r = load(planningImporter(), third, people(PEOPLE / 2, PEOPLE * 3 / 2, "Renamed", domain),
				ImportMode.ACTIVE);

		assertThat(r).isEqualTo(new ImportResult(PEOPLE, 0, 0, List.of(), 0));
		assertEveryPlanLooksRowsUpByKey();
		assertThat(subscribers(domain)).isEqualTo(PEOPLE * 3 / 2);
		assertThat(members(third, "ACTIVE")).isEqualTo(PEOPLE);
		assertThat(name("p0@" + domain)).isEqualTo("Person 0");
		assertThat(name("p" + (PEOPLE / 2 - 1) + "@" + domain)).isEqualTo("Person " + (PEOPLE / 2 - 1));
		assertThat(name("p" + (PEOPLE / 2) + "@" + domain)).isEqualTo("Renamed " + (PEOPLE / 2));
		assertThat(name("p" + (PEOPLE - 1) + "@" + domain)).isEqualTo("Renamed " + (PEOPLE - 1));
		assertThat(jdbc.sql("select count(*) from subscribers where lower(email) like :d and name like 'Renamed %'")
			.param("d", "%@" + domain)
			.query(Long.class)
			.single()).isEqualTo(PEOPLE);
	}

	@Test
	void theSameFileAgainActivatesThePendingSkipsWhoLeftAndThenHasNothingToActivate() {
		String domain = domain();
		String file = people(0, PEOPLE, "Person", domain);
		analyzeLikeAutovacuum();
		MailingList list = newList("INFORMATIONAL");
		assertThat(load(importer, list, file, ImportMode.PENDING).imported()).isEqualTo(PEOPLE);
		long left = jdbc.sql("""
				update memberships set status = 'UNSUBSCRIBED', awaiting = null
				where list_id = :list and subscriber_id in (
				    select id from subscribers where lower(email) like :d and split_part(email, '@', 1) like '%0')
				""").param("list", list.id()).param("d", "%@" + domain).update();
		assertThat(left).isEqualTo(PEOPLE / 10);

		// the statistics still know nothing of this list's rows
		ImportResult again = load(planningImporter(), list, file, ImportMode.ACTIVE);

		assertThat(again).isEqualTo(new ImportResult(0, PEOPLE - left, left, List.of(), 0));
		assertEveryPlanLooksRowsUpByKey();
		assertThat(members(list, "ACTIVE")).isEqualTo(PEOPLE - left);
		assertThat(members(list, "UNSUBSCRIBED")).isEqualTo(left);
		assertThat(ledger(list, "PENDING", "ACTIVE")).isEqualTo(PEOPLE - left);

		analyzeLikeAutovacuum();
		plans.clear();
		ImportResult third = load(planningImporter(), list, file, ImportMode.ACTIVE);

		assertThat(third).isEqualTo(new ImportResult(0, PEOPLE - left, left, List.of(), 0));
		assertEveryPlanLooksRowsUpByKey();
		assertThat(statementsRun()).noneMatch(s -> s.contains("update "));
		assertThat(members(list, "ACTIVE")).isEqualTo(PEOPLE - left);
		assertThat(ledger(list, "PENDING", "ACTIVE")).isEqualTo(PEOPLE - left);
	}

	/** An importer that reads each statement's plan, with that statement's parameters, before running it. */
	private MemberImporter planningImporter() {
		return new MemberImporter(listService, jdbc, dataSource, tx, json, properties, languages, texts, (sql, params) -> {
			String plan = jdbc.sql("explain (format json) " + sql).params(params).query(String.class).single();
			plans.add(new Plan(sql.strip(), json.readTree(plan)));
		});
	}

	private void assertEveryPlanLooksRowsUpByKey() {
		assertThat(plans).as("statements planned").isNotEmpty();
		List<String> loops = new ArrayList<>();
		for (Plan plan : plans) {
			nestedLoopsOverScans(plan.tree().path(0).path("Plan"), plan.sql().lines().findFirst().orElseThrow(), loops);
		}
		assertThat(loops).as("nested loops whose inner side is not an index lookup keyed by the outer row").isEmpty();
	}

	private static void nestedLoopsOverScans(JsonNode node, String statement, List<String> found) {
		if (node.path("Node Type").asString().equals("Nested Loop")) {
			for (JsonNode child : node.path("Plans")) {
				if (child.path("Parent Relationship").asString().equals("Inner") && !keyedByOuterRow(child)) {
					found.add(statement + " -> " + describe(child));
				}
			}
		}
		for (JsonNode child : node.path("Plans")) {
			nestedLoopsOverScans(child, statement, found);
		}
	}

	/** An index lookup whose condition takes a value from the outer row. */
	private static boolean keyedByOuterRow(JsonNode node) {
		return switch (node.path("Node Type").asString()) {
			case "Index Scan", "Index Only Scan", "Bitmap Index Scan" ->
				OUTER_COLUMN.matcher(node.path("Index Cond").asString("")).find();
			case "Bitmap Heap Scan", "BitmapAnd", "BitmapOr", "Memoize" -> {
				boolean keyed = !node.path("Plans").isEmpty();
				for (JsonNode child : node.path("Plans")) {
					keyed &= keyedByOuterRow(child);
				}
				yield keyed;
			}
			default -> false;
		};
	}

	private static String describe(JsonNode node) {
		return node.path("Node Type").asString() + " " + node.path("Relation Name").asString("") + " "
				+ node.path("Index Cond").asString("") + node.path("Filter").asString("")
				+ (node.path("Plans").isEmpty() ? "" : " over " + describe(node.path("Plans").path(0)));
	}

	private List<String> statementsRun() {
		return plans.stream().map(Plan::sql).toList();
	}

	private ImportResult load(MemberImporter with, MailingList list, String csv, ImportMode mode) {
		return with.importCsv(list.slug(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), mode,
				ADMIN_ACTOR);
	}

	/** What autovacuum does within a minute of a large import. */
	private void analyzeLikeAutovacuum() {
		jdbc.sql("analyze subscribers").update();
		jdbc.sql("analyze memberships").update();
	}

	private String domain() {
		return newList("ACTION").slug() + ".example.org";
	}

	private static String people(int from, int to, String name, String domain) {
		StringBuilder csv = new StringBuilder("email,name,city\n");
		for (int i = from; i < to; i++) {
			csv.append('p').append(i).append('@').append(domain).append(',').append(name).append(' ').append(i)
				.append(",City ").append(i % 7).append('\n');
		}
		return csv.toString();
	}

	private long members(MailingList list, String status) {
		return jdbc.sql("select count(*) from memberships where list_id = :l and status = :s")
			.param("l", list.id())
			.param("s", status)
			.query(Long.class)
			.single();
	}

	private long ledger(MailingList list, String from, String to) {
		return jdbc.sql("""
				select count(*) from consent_events
				where list_id = :l and old_status is not distinct from cast(:from as text) and new_status = :to
				""").param("l", list.id()).param("from", from).param("to", to).query(Long.class).single();
	}

	private long subscribers(String domain) {
		return jdbc.sql("select count(*) from subscribers where lower(email) like :d")
			.param("d", "%@" + domain)
			.query(Long.class)
			.single();
	}

	private String name(String email) {
		return jdbc.sql("select name from subscribers where lower(email) = :e").param("e", email).query(String.class)
			.single();
	}

}
