package org.listserv.subscriptions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.PayloadTooLargeException;
import org.listserv.shared.Texts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MemberImportIntegrationTests extends IntegrationTest {

	private static final Actor ADMIN_ACTOR = Actor.staff(ConsentSource.IMPORT, ADMIN, "127.0.0.1");

	@Autowired
	MemberImporter importer;

	@Autowired
	MemberService members;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Texts texts;

	private ImportResult load(MailingList list, String csv, ImportMode mode) {
		return load(list, csv.getBytes(StandardCharsets.UTF_8), mode);
	}

	private ImportResult load(MailingList list, byte[] csv, ImportMode mode) {
		return importer.importCsv(list.slug(), new ByteArrayInputStream(csv), mode, ADMIN_ACTOR);
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void rejectsEachBadRowWithItsLineAndImportsTheRest() {
		MailingList list = newList("INFORMATIONAL");
		ImportResult r = load(list, """
				email,name
				ann@example.org,Ann
				not-an-address,Bad
				,No Address
				ANN@Example.org,Ann Again
				ben@example.org,Ben
				""", ImportMode.ACTIVE);
		assertThat(r.imported()).isEqualTo(2);
		assertThat(r.rejectedCount()).isEqualTo(3);
		assertThat(r.rejected()).extracting(ImportResult.Rejection::line).containsExactly(3L, 4L, 5L);
		assertThat(r.rejected().get(0).value()).isEqualTo("not-an-address");
		assertThat(r.rejected().get(1).reason()).isEqualTo("missing email");
		assertThat(r.rejected().get(2).reason()).isEqualTo("duplicate of line 2");
		assertThat(members.page(list.slug(), "ACTIVE", null, 0, 10).content()).extracting(Member::email)
			.containsExactly("ann@example.org", "ben@example.org");
	}

	@Test
	void readsBomSemicolonsQuotedSeparatorsAndQuotedNewlines() {
		MailingList list = newList("ACTION");
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String body = "Email;Name;City;Note\r\n" + "\"cy@example.org\";\"Cy; Jr.\";Paris;\"two\nlines\"\r\n"
				+ "dee@example.org;\"Dee \"\"D\"\" Day\";\"Lyon\";\r\n" + "eve@example.org;\"Eve\nSmith\";;\r\n";
		byte[] csv = new byte[bom.length + body.getBytes(StandardCharsets.UTF_8).length];
		System.arraycopy(bom, 0, csv, 0, 3);
		System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, csv, 3, csv.length - 3);
		ImportResult r = load(list, csv, ImportMode.ACTIVE);
		assertThat(r.rejected()).isEmpty();
		assertThat(r.imported()).isEqualTo(3);
		Member cy = members.get(list.slug(), "cy@example.org");
		assertThat(cy.name()).isEqualTo("Cy; Jr.");
		assertThat(cy.attributes()).containsEntry("City", "Paris").containsEntry("Note", "two\nlines");
		assertThat(members.get(list.slug(), "dee@example.org").name()).isEqualTo("Dee \"D\" Day");
		assertThat(members.get(list.slug(), "eve@example.org").name()).isEqualTo("Eve Smith");
	}

	@Test
	void reportsTheLineWhereARowStartsAfterAQuotedNewline() {
		MailingList list = newList("ACTION");
		ImportResult r = load(list, "email,note\na@example.org,\"line one\nline two\"\nbroken,x\n", ImportMode.ACTIVE);
		assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(4));
	}

	@Test
	void neverReactivatesPeopleWhoLeftOrWereRemoved() {
		MailingList list = newList("INFORMATIONAL");
		load(list, "email\nleft@example.org\nremoved@example.org\nstays@example.org\n", ImportMode.ACTIVE);
		jdbc.sql("""
				update memberships set status = 'UNSUBSCRIBED'
				where list_id = :list and subscriber_id = (select id from subscribers where email = 'left@example.org')
				""").param("list", list.id()).update();
		members.remove(list.slug(), "removed@example.org", Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		ImportResult r = load(list, "email,name\nleft@example.org,L\nremoved@example.org,R\nstays@example.org,S\n",
				ImportMode.ACTIVE);
		assertThat(r.skipped()).isEqualTo(2);
		assertThat(r.updated()).isEqualTo(1);
		assertThat(r.imported()).isZero();
		assertThat(members.get(list.slug(), "left@example.org").status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
		assertThat(members.get(list.slug(), "removed@example.org").status()).isEqualTo(MembershipStatus.REMOVED);
		assertThat(members.get(list.slug(), "left@example.org").name()).isEmpty();
		assertThat(members.get(list.slug(), "stays@example.org").name()).isEqualTo("S");
	}

	@Test
	void pendingImportSendsNothingAndALaterActiveImportActivatesWithLedger() {
		MailingList list = newList("ACTION");
		ImportResult first = load(list, "email\npen@example.org\n", ImportMode.PENDING);
		assertThat(first.imported()).isEqualTo(1);
		Member pending = members.get(list.slug(), "pen@example.org");
		assertThat(pending.status()).isEqualTo(MembershipStatus.PENDING);
		assertThat(pending.subscribedAt()).isNull();
		ImportResult second = load(list, "email\npen@example.org\n", ImportMode.ACTIVE);
		assertThat(second.updated()).isEqualTo(1);
		assertThat(members.get(list.slug(), "pen@example.org").status()).isEqualTo(MembershipStatus.ACTIVE);
		List<ConsentEvent> history = members.history(pending.subscriberId());
		assertThat(history).extracting(ConsentEvent::newStatus)
			.containsExactly(MembershipStatus.ACTIVE, MembershipStatus.PENDING);
		assertThat(history).allSatisfy(e -> {
			assertThat(e.source()).isEqualTo(ConsentSource.IMPORT);
			assertThat(e.actor()).isEqualTo(ADMIN);
		});
	}

	@Test
	void importsTenThousandRowsWithAttributes() {
		MailingList list = newList("INFORMATIONAL");
		StringBuilder csv = new StringBuilder("email,name,zip\n");
		for (int i = 0; i < 10_000; i++) {
			csv.append("bulk").append(i).append("@").append(list.slug()).append(".example.org,Person ").append(i)
				.append(',').append(10_000 + i).append('\n');
		}
		ImportResult r = load(list, csv.toString(), ImportMode.ACTIVE);
		assertThat(r.imported()).isEqualTo(10_000);
		assertThat(r.rejectedCount()).isZero();
		assertThat(members.page(list.slug(), "ACTIVE", null, 0, 1).totalElements()).isEqualTo(10_000);
		assertThat(members.get(list.slug(), "bulk9999@" + list.slug() + ".example.org").attributes())
			.containsEntry("zip", "19999");
		assertThat(jdbc.sql("select count(*) from consent_events where list_id = :l").param("l", list.id())
			.query(Long.class).single()).isEqualTo(10_000);
	}

	@Test
	void aFileThatBreaksHalfWayLeavesTheDatabaseUnchanged() {
		MailingList list = newList("ACTION");
		long subscribers = rows("subscribers");
		long events = rows("consent_events");
		assertThatThrownBy(() -> load(list, "email,name\nok@example.org,Ok\nbad@example.org,\"never closed\n",
				ImportMode.ACTIVE))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(texts.of(ex)).contains("could not be read as CSV"));
		assertThat(rows("subscribers")).isEqualTo(subscribers);
		assertThat(rows("consent_events")).isEqualTo(events);
		assertThat(members.page(list.slug(), null, null, 0, 10).totalElements()).isZero();
	}

	@Test
	void refusesFilesThatAreNotUtf8OrHaveNoEmailColumnOrAreTooLarge() {
		MailingList list = newList("ACTION");
		byte[] latin1 = "email,name\nzoe@example.org,Zo\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> load(list, latin1, ImportMode.ACTIVE))
			.satisfies(ex -> assertThat(texts.of(ex)).contains("not UTF-8"));
		assertThatThrownBy(() -> load(list, "mail,name\nx@example.org,X\n", ImportMode.ACTIVE))
			.satisfies(ex -> assertThat(texts.of(ex)).contains("'email' column (found: mail, name)"));
		assertThatThrownBy(() -> load(list, "", ImportMode.ACTIVE))
			.satisfies(ex -> assertThat(texts.of(ex)).contains("'email' column"));
		assertThatThrownBy(() -> load(list, "email,email\nx@example.org,y@example.org\n", ImportMode.ACTIVE))
			.satisfies(ex -> assertThat(texts.of(ex)).isEqualTo("The header row names the column 'email' twice"));
		byte[] huge = ("email\n" + "x@example.org\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> load(list, huge, ImportMode.ACTIVE)).isInstanceOf(PayloadTooLargeException.class);
		assertThat(members.page(list.slug(), null, null, 0, 10).totalElements()).isZero();
	}

	@Test
	void listsOnlyTheFirstRejectionsButCountsThemAll() {
		MailingList list = newList("ACTION");
		ImportResult r = load(list, "email\n" + "nope\n".repeat(120), ImportMode.ACTIVE);
		assertThat(r.rejectedCount()).isEqualTo(120);
		assertThat(r.rejected()).hasSize(50);
		assertThat(r.rejected().get(0).line()).isEqualTo(2);
	}

	@Test
	void importAndExportOverTheApiRoundTrip() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(post("/api/lists/" + list.slug() + "/members/import").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType("text/csv")
			.content("email,name,city\nrt1@example.org,Round,Oslo\nrt2@example.org,Trip,\nbad,,\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.skipped").value(0))
			.andExpect(jsonPath("$.rejected[0].line").value(4))
			.andExpect(jsonPath("$.rejected[0].value").value("bad"));
		var export = mvc.perform(get("/api/lists/" + list.slug() + "/members/export").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		String csv = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(export))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst()).contains("email,name,status,mode,subscribed_at,language,city");
		assertThat(csv).contains("rt1@example.org,Round,ACTIVE,REGULAR,").contains(",Oslo");
		MailingList copy = newList("INFORMATIONAL");
		ImportResult again = load(copy, csv, ImportMode.ACTIVE);
		assertThat(again.imported()).isEqualTo(2);
		assertThat(members.get(copy.slug(), "rt1@example.org").attributes()).containsOnlyKeys("city");
	}

	@Test
	void readsALanguageColumnAnywhereSetsOrLeavesEachLanguageAndRejectsAnUnknownTagByLine() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		members.add(list.slug(), "keeps@example.org", "Keeps", null, "es", ADMIN_ACTOR);
		members.add(list.slug(), "changes@example.org", "Changes", null, "en", ADMIN_ACTOR);
		ImportResult r = load(list, """
				name,LANGUAGE,city,email
				Ana,es,Quito,ana@example.org
				Ben,en,Leeds,ben@example.org
				Keeps,,,keeps@example.org
				Bogus,klingon,,bogus@example.org
				Changes, ES-mx ,,changes@example.org
				Nobody,,,nobody@example.org
				""", ImportMode.ACTIVE);
		assertThat(r.imported()).isEqualTo(3);
		assertThat(r.updated()).isEqualTo(2);
		assertThat(r.rejected()).singleElement().satisfies(rejection -> {
			assertThat(rejection.line()).isEqualTo(5);
			assertThat(rejection.value()).isEqualTo("bogus@example.org");
			assertThat(rejection.reason()).isEqualTo("unknown language 'klingon' (the languages are en, es)");
		});
		assertThat(apiLanguage(list, "ana@example.org")).isEqualTo("es");
		assertThat(apiLanguage(list, "ben@example.org")).isEqualTo("en");
		assertThat(apiLanguage(list, "keeps@example.org")).as("a blank cell leaves the language alone").isEqualTo("es");
		assertThat(apiLanguage(list, "changes@example.org")).as("a tag sets it, by its language subtag").isEqualTo("es");
		assertThat(apiLanguage(list, "nobody@example.org")).as("no language of their own").isNull();
		assertThat(members.get(list.slug(), "ana@example.org").attributes()).as("language is no attribute")
			.containsOnlyKeys("city");
		assertThatThrownBy(() -> members.get(list.slug(), "bogus@example.org")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void exportsEachSubscribersLanguageAndTheExportImportsAgainWithThem() throws Exception {
		MailingList list = newList("ACTION");
		members.add(list.slug(), "es@example.org", "Eva", null, "es", ADMIN_ACTOR);
		members.add(list.slug(), "en@example.org", "Ed", null, "en", ADMIN_ACTOR);
		members.add(list.slug(), "none@example.org", "Nan", null, null, ADMIN_ACTOR);
		String csv = export(list);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("email,name,status,mode,subscribed_at,language");
		assertThat(lines).filteredOn(l -> l.startsWith("es@")).singleElement().asString().endsWith(",es");
		assertThat(lines).filteredOn(l -> l.startsWith("en@")).singleElement().asString().endsWith(",en");
		assertThat(lines).filteredOn(l -> l.startsWith("none@")).singleElement().asString().endsWith(",");
		// the same people, with no language of their own yet, on a fresh list: the export gives it back
		jdbc.sql("update subscribers set language = null where email in ('es@example.org', 'en@example.org')").update();
		MailingList copy = newList("ACTION");
		ImportResult again = load(copy, csv, ImportMode.ACTIVE);
		assertThat(again.imported()).isEqualTo(3);
		assertThat(again.rejectedCount()).isZero();
		assertThat(apiLanguage(copy, "es@example.org")).isEqualTo("es");
		assertThat(apiLanguage(copy, "en@example.org")).isEqualTo("en");
		assertThat(apiLanguage(copy, "none@example.org")).isNull();
		assertThat(withoutTimes(export(copy))).as("the export of the copy: the same rows, times aside")
			.containsExactlyInAnyOrderElementsOf(withoutTimes(csv));
	}

	@Test
	void rejectionsAndRefusalsOverTheApiSpeakTheRequestsLanguage() throws Exception {
		MailingList list = newList("ACTION");
		mvc.perform(post("/api/lists/" + list.slug() + "/members/import").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.header("Accept-Language", "es")
			.contentType("text/csv")
			.content("email,language\n,es\nx@example.org,xx\nx@example.org,es\nok@example.org,es\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2))
			.andExpect(jsonPath("$.rejected[0].reason").value("falta el correo electrónico"))
			.andExpect(jsonPath("$.rejected[1].reason").value("idioma desconocido 'xx' (los idiomas son en, es)"))
			.andExpect(jsonPath("$.rejected[1].line").value(3));
		mvc.perform(post("/api/lists/" + list.slug() + "/members/import").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.header("Accept-Language", "es")
			.contentType("text/csv")
			.content("correo\nx@example.org\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("file"))
			.andExpect(jsonPath("$.detail")
				.value("La primera fila debe ser de encabezados y nombrar una columna 'email' (se encontró: correo)"));
		mvc.perform(post("/api/lists/" + list.slug() + "/members/import").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType("text/csv")
			.content("correo\nx@example.org\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("The first row must be a header naming an 'email' column (found: correo)"));
	}

	private static List<String> withoutTimes(String csv) {
		return csv.lines().map(l -> l.replaceAll(",\\d{4}-\\d\\d-\\d\\dT[^,]*,", ",(time),")).toList();
	}

	private String apiLanguage(MailingList list, String email) throws Exception {
		String json = mvc
			.perform(get("/api/lists/" + list.slug() + "/members/" + email).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return com.jayway.jsonpath.JsonPath.read(json, "$.language");
	}

	private String export(MailingList list) throws Exception {
		var export = mvc.perform(get("/api/lists/" + list.slug() + "/members/export").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(export))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void staffMayNotImportOrExport() throws Exception {
		MailingList list = newList("ACTION");
		// members are for the list's OWNERs (the STAFF account owns the tests' lists): a SENDER may not
		String sender = accountWithRole(list, "SENDER");
		mvc.perform(post("/api/lists/" + list.slug() + "/members/import").with(httpBasic(sender, ROLE_PASSWORD))
			.contentType("text/csv")
			.content("email\nsneaky@example.org\n")).andExpect(status().isForbidden());
		mvc.perform(get("/api/lists/" + list.slug() + "/members/export").with(httpBasic(sender, ROLE_PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(members.page(list.slug(), null, null, 0, 10).totalElements()).isZero();
	}

	@Test
	void anInvalidModeIs400() throws Exception {
		MailingList list = newList("ACTION");
		mvc.perform(post("/api/lists/" + list.slug() + "/members/import?mode=MAYBE").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType("text/csv")
			.content("email\nx@example.org\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("mode"));
	}

}
