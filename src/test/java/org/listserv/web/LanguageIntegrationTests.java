package org.listserv.web;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.Texts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Which language a page is in: {@code ?lang=} (remembered in a cookie), the account's own, the cookie, the
 * browser's {@code Accept-Language}, the default; unknown tags are ignored.
 */
class LanguageIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Languages languages;

	@Autowired
	Texts texts;

	private Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private String nav(Document page) {
		return String.join(",", page.select("header.top nav a").eachText());
	}

	@Test
	void theBrowsersLanguageDecidesWhenNothingElseDoes() throws Exception {
		jdbc.sql("update users set language = null where email = :e").param("e", ADMIN).update();
		Document es = page(mvc.perform(get("/admin").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "fr;q=0.9, es-CO;q=0.8, en;q=0.1")).andReturn());
		assertThat(nav(es)).startsWith("Inicio,Listas,Campañas");
		Document en = page(mvc.perform(get("/admin").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "de, fr")).andReturn());
		assertThat(nav(en)).startsWith("Home,Lists,Campaigns");
	}

	@Test
	void anExplicitChoiceIsRememberedInACookieAndAnUnknownOneIgnored() throws Exception {
		jdbc.sql("update users set language = null where email = :e").param("e", ADMIN).update();
		MvcResult chosen = mvc.perform(get("/admin?lang=es").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "en")).andReturn();
		assertThat(nav(page(chosen))).startsWith("Inicio");
		assertThat(chosen.getResponse().getHeader("Set-Cookie")).startsWith("listserv-lang=es;").contains("SameSite=Lax",
				"HttpOnly");
		Document remembered = page(mvc.perform(get("/admin").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "en").cookie(new Cookie("listserv-lang", "es"))).andReturn());
		assertThat(nav(remembered)).startsWith("Inicio");
		MvcResult unknown = mvc.perform(get("/admin?lang=xx").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "en")).andReturn();
		assertThat(nav(page(unknown))).startsWith("Home");
		assertThat(unknown.getResponse().getHeader("Set-Cookie")).isNull();
	}

	@Test
	void anAccountsOwnLanguageComesBeforeTheCookieAndTheBrowser() throws Exception {
		jdbc.sql("update users set language = 'es' where email = :e").param("e", ADMIN).update();
		try {
			Document page = page(mvc.perform(get("/admin").with(user(ADMIN).roles("ADMIN"))
				.header("Accept-Language", "en").cookie(new Cookie("listserv-lang", "en"))).andReturn());
			assertThat(nav(page)).startsWith("Inicio");
		}
		finally {
			jdbc.sql("update users set language = null where email = :e").param("e", ADMIN).update();
		}
	}

	@Test
	void tagsAreServedByTheirLanguageSubtagAndUnknownOnesRefusedWithTheLanguagesOffered() {
		assertThat(languages.parse("language", "ES-mx")).contains("es");
		assertThat(languages.parse("language", " ")).isEmpty();
		assertThatThrownBy(() -> languages.parse("language", "klingon-x"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.field()).isEqualTo("language");
				assertThat(texts.get(java.util.Locale.ENGLISH, ex.text())).contains("klingon-x", "en, es");
				assertThat(texts.get(java.util.Locale.forLanguageTag("es"), ex.text())).startsWith("El idioma klingon-x");
			});
		assertThat(languages.fromAcceptLanguage("not a header;;;q=x")).isEmpty();
	}

}
