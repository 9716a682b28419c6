package org.listserv.sending;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A campaign in English and Spanish: each member gets the version in their language, once, read from real mail. */
class MultilingualSendIntegrationTests extends SendingIntegrationTest {

	private static final String VERSIONS = """
			"versions":[{"language":"es","subject":"Hola miembros","preheader":"En breve",
			"body":"Estimado {{subscriber.name}}, lea [esto](https://example.org/es)."}]""";

	@Test
	void eachMemberGetsTheVersionInTheirLanguageOnceAndTheCountsPerVersionShow() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String domain = list.slug() + ".example.org";
		addMember(list, "plain@" + domain, "Plain");
		addMember(list, "english@" + domain, "Ann");
		addMember(list, "spanish@" + domain, "Rosa");
		addMember(list, "mexican@" + domain, "Lupe");
		language("english@" + domain, "en");
		language("spanish@" + domain, "es");
		language("mexican@" + domain, "es-MX");
		long id = created(list, """
				{"list":"%s","subject":"Hello members","body":"Dear {{subscriber.name}}, read [this](https://example.org/en).",%s}
				""".formatted(list.slug(), VERSIONS));
		mvc.perform(get("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(jsonPath("$.subject").value("Hello members"))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.versions[0].language").value("es"))
			.andExpect(jsonPath("$.versions[0].subject").value("Hola miembros"));

		mvc.perform(post("/api/campaigns/" + id + "/send").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isAccepted());
		awaitStatus(id, CampaignStatus.SENT);

		for (String english : List.of("plain", "english")) {
			List<MimeMessage> mail = mailTo(english + "@" + domain);
			assertThat(mail).hasSize(1);
			assertThat(mail.get(0).getSubject()).isEqualTo("Hello members");
			assertThat(body(mail.get(0))).contains("Dear ").contains("View in your browser").contains("Unsubscribe")
				.doesNotContain("Estimado").doesNotContain("Darse de baja");
		}
		for (String spanish : List.of("spanish", "mexican")) {
			List<MimeMessage> mail = mailTo(spanish + "@" + domain);
			assertThat(mail).hasSize(1);
			assertThat(mail.get(0).getSubject()).isEqualTo("Hola miembros");
			assertThat(body(mail.get(0))).contains("Estimado ").contains("Ver en el navegador")
				.contains("Darse de baja").contains("Administrar sus suscripciones")
				.contains("Recibe este correo porque se suscribió a " + list.name())
				.doesNotContain("Dear ").doesNotContain("Unsubscribe");
		}
		assertThat(mailToDomain(list)).hasSize(4);
		assertThat(jdbc.sql("select count(*) from deliveries where campaign_id = :c and language = 'es'")
			.param("c", id).query(Long.class).single()).isEqualTo(2);

		mvc.perform(get("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(jsonPath("$.recipientsPerVersion[0].language").value("en"))
			.andExpect(jsonPath("$.recipientsPerVersion[0].name").value("English"))
			.andExpect(jsonPath("$.recipientsPerVersion[0].recipients").value(2))
			.andExpect(jsonPath("$.recipientsPerVersion[0].sent").value(2))
			.andExpect(jsonPath("$.recipientsPerVersion[1].language").value("es"))
			.andExpect(jsonPath("$.recipientsPerVersion[1].name").value("Español"))
			.andExpect(jsonPath("$.recipientsPerVersion[1].recipients").value(2));
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Destinatarios por versión:")))
			.andExpect(content().string(containsString("English: 2</span>")))
			.andExpect(content().string(containsString("Español: 2</span>")));
		mvc.perform(get("/archive/" + list.slug() + "/" + id).param("lang", "es"))
			.andExpect(content().string(containsString("Estimado")))
			.andExpect(content().string(containsString("Ver en el navegador")))
			.andExpect(content().string(containsString("href=\"?lang=en\"")));
		mvc.perform(get("/archive/" + list.slug() + "/" + id))
			.andExpect(content().string(containsString("Dear ")))
			.andExpect(content().string(containsString("href=\"?lang=es\"")));
	}

	/** V32: a sent campaign is found in the archive by each version's stems, without accents, linked to that version. */
	@Test
	void theArchiveSearchFindsEachVersionOfASentCampaignInItsOwnLanguage() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMember(list, "ann@" + list.slug() + ".example.org", "Ann");
		long id = created(list, """
				{"list":"%s","subject":"Campaigning news","body":"We are campaigning for the communities.",
				"versions":[{"language":"es","subject":"Noticias de la campaña",
				"body":"Defendemos los derechos de las comunidades con una acción urgente."}]}
				""".formatted(list.slug()));
		mvc.perform(post("/api/campaigns/" + id + "/send").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isAccepted());
		awaitStatus(id, CampaignStatus.SENT);
		String spanish = "href=\"/archive/" + list.slug() + "/" + id + "?lang=es\"";
		String english = "href=\"/archive/" + list.slug() + "/" + id + "\"";
		for (String q : List.of("derecho", "accion", "ACCIÓN urgentes")) {
			mvc.perform(get("/archive/" + list.slug() + "/search").param("q", q).with(user(STAFF).roles("STAFF")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(spanish)))
				.andExpect(content().string(containsString("Noticias de la campaña")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString(english))));
		}
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "campaign").with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString(english)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(spanish))));
		assertThat(jdbc.sql("select search_config::text from campaigns where id = :c").param("c", id)
			.query(String.class).single()).isEqualTo("listserv_english");
		assertThat(jdbc.sql("select search_config::text from campaign_versions where campaign_id = :c").param("c", id)
			.query(String.class).single()).isEqualTo("listserv_spanish");
	}

	@Test
	void theChecklistWarnsWhenActiveMembersReadALanguageWithoutAVersion() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String domain = list.slug() + ".example.org";
		addMember(list, "one@" + domain, "One");
		addMember(list, "two@" + domain, "Two");
		language("one@" + domain, "es");
		language("two@" + domain, "es-MX");
		long id = created(list, "{\"list\":\"" + list.slug() + "\",\"subject\":\"S\",\"body\":\"B\"}");
		mvc.perform(post("/api/campaigns/" + id + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD))
			.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.checklist.items[?(@.rule == 'version-missing:es')].message")
				.value("2 members read Spanish; they will get the English version"));
		mvc.perform(post("/api/campaigns/" + id + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD))
			.header("Accept-Language", "es"))
			.andExpect(jsonPath("$.checklist.items[?(@.rule == 'version-missing:es')].message")
				.value("2 miembros leen español; recibirán la versión en inglés"));
		mvc.perform(patch("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{" + VERSIONS + "}"))
			.andExpect(status().isOk());
		String tester = "tester@" + domain;
		mvc.perform(post("/api/campaigns/" + id + "/test").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\":[\"" + tester + "\"],\"language\":\"es\"}"))
			.andExpect(status().isAccepted());
		MimeMessage test = awaitMail(tester, 1).get(0);
		assertThat(test.getSubject()).isEqualTo("[TEST] Hola miembros");
		assertThat(body(test)).contains("Estimado").contains("Darse de baja");
		mvc.perform(post("/api/campaigns/" + id + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"es\"}"))
			.andExpect(jsonPath("$.subject").value("Hola miembros"))
			.andExpect(jsonPath("$.checklist.items[?(@.rule == 'version-missing:es')]").isEmpty())
			.andExpect(jsonPath("$.checklist.items[?(@.rule == 'es:subject')].passed").value(true));
	}

	@Test
	void refusesAVersionInTheListsLanguageAnUnknownLanguageOrTwoInOneNamingTheField() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String start = "{\"list\":\"" + list.slug() + "\",\"subject\":\"S\",\"body\":\"B\",\"versions\":[";
		refused(start + "{\"language\":\"en\",\"subject\":\"x\",\"body\":\"y\"}]}", "versions[0].language");
		refused(start + "{\"language\":\"xx\",\"subject\":\"x\",\"body\":\"y\"}]}", "versions[0].language");
		refused(start + "{\"language\":\"es\",\"subject\":\"x\",\"body\":\"y\"},"
				+ "{\"language\":\"ES\",\"subject\":\"x\",\"body\":\"y\"}]}", "versions[1].language");
		long id = created(list, start + "]}");
		mvc.perform(patch("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{" + VERSIONS + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.versions[0].preheader").value("En breve"))
			.andExpect(jsonPath("$.subject").value("S"));
		mvc.perform(patch("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"T\"}"))
			.andExpect(jsonPath("$.versions[0].subject").value("Hola miembros"));
		mvc.perform(patch("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"versions\":[]}"))
			.andExpect(jsonPath("$.versions").isEmpty());
	}

	private void refused(String json, String field) throws Exception {
		mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail", containsString("")));
	}

	private long created(MailingList list, String json) throws Exception {
		String body = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
	}

	private void language(String email, String tag) {
		jdbc.sql("update subscribers set language = :l where email = :e").param("l", tag).param("e", email).update();
	}

}
