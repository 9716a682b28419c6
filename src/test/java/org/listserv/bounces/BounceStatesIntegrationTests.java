package org.listserv.bounces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.listserv.bouncereading.BounceKind;
import org.listserv.composing.CampaignSource;
import org.listserv.database.DataSliceTest;
import org.listserv.mail.SmtpStage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state a type, and the same values on both sides: each enum stored as text has a CHECK constraint
 * that allows exactly the enum's names (a JDBC slice: the migrations, no application).
 */
@DataSliceTest
class BounceStatesIntegrationTests {

	private static final Pattern VALUE = Pattern.compile("'([A-Z_]+)'::text");

	@Autowired
	JdbcClient jdbc;

	@Test
	void bounceMessageKindsAreCheckedAgainstTheClassifiersKinds() {
		assertThat(allowed("bounce_messages", "kind")).containsExactlyInAnyOrderElementsOf(names(BounceKind.values()));
	}

	@Test
	void bounceMessageStatesAreCheckedAgainstTheEnum() {
		assertThat(allowed("bounce_messages", "state"))
			.containsExactlyInAnyOrderElementsOf(names(BounceMessageState.values()));
	}

	@Test
	void bounceEventKindsAreCheckedAgainstTheEnum() {
		assertThat(allowed("bounce_events", "kind")).containsExactlyInAnyOrderElementsOf(names(BounceEventKind.values()));
	}

	@Test
	void bounceActionsAreCheckedAgainstTheEnum() {
		assertThat(allowed("bounce_events", "action")).containsExactlyInAnyOrderElementsOf(names(BounceAction.values()));
	}

	@Test
	void campaignSourcesAreCheckedAgainstTheEnum() {
		assertThat(allowed("campaigns", "source")).containsExactlyInAnyOrderElementsOf(names(CampaignSource.values()));
	}

	@Test
	void theStagesTheSendJobRecordsAreStagesOfTheEnum() {
		// a refusal the send job records answered MAIL, RCPT or DATA (the greeting and HELO fail the connection)
		assertThat(allowed("deliveries", "smtp_stage")).containsExactlyInAnyOrder("MAIL", "RCPT", "DATA")
			.isSubsetOf(names(SmtpStage.values()));
	}

	@Test
	void everyKindOfTheClassifierIsAKindOfEvent() {
		for (BounceKind kind : BounceKind.values()) {
			assertThat(BounceEventKind.of(kind).name()).isEqualTo(kind.name());
		}
	}

	/** The values the CHECK constraints on one column allow. */
	private List<String> allowed(String table, String column) {
		List<String> definitions = jdbc.sql("""
				select pg_get_constraintdef(c.oid) from pg_constraint c
				  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
				 where c.contype = 'c' and c.conrelid = cast(:table as regclass) and a.attname = :column
				""").param("table", table).param("column", column).query(String.class).list();
		assertThat(definitions).as("CHECK constraints on " + table + "." + column).hasSize(1);
		List<String> values = new ArrayList<>();
		Matcher m = VALUE.matcher(definitions.get(0));
		while (m.find()) {
			values.add(m.group(1));
		}
		return values;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
