package org.listserv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table has one owner: the SQL text in a class writes only the tables of its own capability (package),
 * and reads other capabilities' rows only through the read-only views of V20 ({@code report_*},
 * {@code member_recipients}). The map below is the table-owner map of the architecture notes; a new table
 * goes into it with its owner.
 */
class TableOwnershipArchitectureTests {

	/** Table (or temporary table) to the capability that owns it and alone writes it. */
	static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("lists", "lists"),
			Map.entry("subscribers", "subscriptions"), Map.entry("memberships", "subscriptions"),
			Map.entry("consent_events", "subscriptions"), Map.entry("confirmation_tokens", "subscriptions"),
			Map.entry("import_rows", "subscriptions"), Map.entry("import_matched", "subscriptions"),
			Map.entry("import_members", "subscriptions"), Map.entry("users", "accounts"),
			Map.entry("organisation_settings", "accounts"), Map.entry("list_roles", "accounts"),
			Map.entry("api_tokens", "accounts"), Map.entry("recovery_codes", "accounts"),
			Map.entry("password_resets", "accounts"),
			Map.entry("inbound_messages", "inbound"), Map.entry("outbox", "mail"), Map.entry("campaigns", "composing"), Map.entry("campaign_versions", "composing"),
			Map.entry("campaign_templates", "composing"),
			Map.entry("deliveries", "sending"), Map.entry("send_partitions", "sending"),
			Map.entry("send_rate_limits", "sending"), Map.entry("bounce_messages", "bounces"),
			Map.entry("bounce_events", "bounces"), Map.entry("posts", "posting"), Map.entry("digests", "posting"),
			Map.entry("posting_settings", "posting"), Map.entry("posting_senders", "posting"),
			Map.entry("app_secrets", "web"), Map.entry("media_files", "media"));

	/**
	 * Reads of another capability's table still allowed, by class: the send job's partition queries read the
	 * campaign's state and round beside its own ranges (the send path is redesigned in a later issue).
	 */
	static final Map<String, Set<String>> READS_ALLOWED = Map.of("sending/SendPartitions.java", Set.of("campaigns"));

	private static final Path MAIN = Path.of("src/main/java/org/listserv");

	/** A write statement and its table; "for update", "do update set" and the like name no table. */
	private static final Pattern WRITE = Pattern.compile(
			"(?<!for )(?<!key )(?<!do )\\b(insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|merge\\s+into)"
					+ "\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	/** Words after "from" or "join" in SQL that are not tables (CTE names, "cast(x as ...)" in "from", functions). */
	private static final Set<String> NOT_TABLES = Set.of("as", "days", "sent", "ev", "generate_series", "lateral");

	@Test
	void noClassWritesAnotherCapabilitysTable() {
		List<String> violations = new ArrayList<>();
		for (Path source : sources()) {
			String capability = MAIN.relativize(source).getName(0).toString();
			for (String sql : stringLiterals(read(source))) {
				Matcher m = WRITE.matcher(sql);
				while (m.find()) {
					String table = m.group(2).toLowerCase(Locale.ROOT);
					if (Set.of("set", "of", "skip", "nowait").contains(table)) {
						continue;
					}
					String owner = OWNERS.get(table);
					if (!capability.equals(owner)) {
						violations.add(MAIN.relativize(source) + " writes " + table + " ("
								+ (owner == null ? "no known owner: add it to OWNERS, or is it a view?" : "owned by " + owner)
								+ "): " + m.group().strip());
					}
				}
			}
		}
		assertThat(violations).as("SQL writes outside the writer's capability").isEmpty();
	}

	@Test
	void noClassReadsAnotherCapabilitysTableButThroughAView() {
		List<String> violations = new ArrayList<>();
		for (Path source : sources()) {
			String file = MAIN.relativize(source).toString().replace('\\', '/');
			String capability = MAIN.relativize(source).getName(0).toString();
			for (String sql : stringLiterals(read(source))) {
				Matcher m = READ.matcher(sql);
				while (m.find()) {
					String table = m.group(1).toLowerCase(Locale.ROOT);
					String owner = OWNERS.get(table);
					if (owner != null && !owner.equals(capability)
							&& !READS_ALLOWED.getOrDefault(file, Set.of()).contains(table)) {
						violations.add(file + " reads " + table + " (owned by " + owner + "): read its view");
					}
				}
			}
		}
		assertThat(violations).as("SQL reads of other capabilities' tables").isEmpty();
	}

	@Test
	void reportsReadOtherCapabilitiesOnlyThroughTheReportViews() {
		List<String> violations = new ArrayList<>();
		for (Path source : sources()) {
			if (!source.getFileName().toString().endsWith("Reports.java")) {
				continue;
			}
			String capability = MAIN.relativize(source).getName(0).toString();
			for (String sql : stringLiterals(read(source))) {
				Matcher m = READ.matcher(sql);
				while (m.find()) {
					String table = m.group(1).toLowerCase(Locale.ROOT);
					String owner = OWNERS.get(table);
					if (owner != null && !owner.equals(capability)) {
						violations.add(MAIN.relativize(source) + " reads " + table + " (owned by " + owner
								+ "): read report_" + table + " instead");
					}
					else if (owner == null && !table.startsWith("report_") && !NOT_TABLES.contains(table)) {
						violations.add(MAIN.relativize(source) + " reads " + table + ", neither its own nor a report view");
					}
				}
			}
		}
		assertThat(violations).as("reports reading other capabilities' tables").isEmpty();
	}

	@Test
	void theScannerFindsWritesInTextBlocksAndSkipsRowLocks() {
		String java = """
				class X {
					// update lists set name = 1 (a comment, not SQL)
					String a = \"""
							insert into deliveries (id) values (1)
							on conflict (id) do update set id = 2
							\""";
					String b = "select id from lists for update skip locked";
					String c = "update memberships set status = 'A' " + "where id = 1";
				}
				""";
		List<String> found = new ArrayList<>();
		for (String sql : stringLiterals(java)) {
			Matcher m = WRITE.matcher(sql);
			while (m.find()) {
				if (!Set.of("set", "of", "skip", "nowait").contains(m.group(2))) {
					found.add(m.group(2));
				}
			}
		}
		assertThat(found).containsExactly("deliveries", "memberships");
	}

	private static List<Path> sources() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			List<Path> all = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
			assertThat(all).as("main sources under " + MAIN.toAbsolutePath()).isNotEmpty();
			return all.stream().filter(p -> MAIN.relativize(p).getNameCount() > 1).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path p) {
		try {
			return Files.readString(p);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The string literals and text blocks of a Java source, comments left out (escapes kept as written). */
	static List<String> stringLiterals(String java) {
		List<String> out = new ArrayList<>();
		int i = 0;
		int n = java.length();
		while (i < n) {
			char c = java.charAt(i);
			if (c == '/' && i + 1 < n && java.charAt(i + 1) == '/') {
				int end = java.indexOf('\n', i);
				i = end < 0 ? n : end;
			}
			else if (c == '/' && i + 1 < n && java.charAt(i + 1) == '*') {
				int end = java.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (java.startsWith("\"\"\"", i)) {
				int j = i + 3;
				while (j < n && !(java.startsWith("\"\"\"", j) && java.charAt(j - 1) != '\\')) {
					j++;
				}
				out.add(java.substring(i + 3, Math.min(j, n)));
				i = j + 3;
			}
			else if (c == '"' || c == '\'') {
				int j = i + 1;
				while (j < n && java.charAt(j) != c) {
					j += java.charAt(j) == '\\' ? 2 : 1;
				}
				if (c == '"') {
					out.add(java.substring(i + 1, Math.min(j, n)));
				}
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return out;
	}

}
