package org.listserv.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The admin pages already moved to the bundles, walked in Spanish: each says {@code <html lang="es">} and
 * has no {@code ??key_es??} (Thymeleaf's text for a key no bundle has).
 */
class AdminPagesInSpanishIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void everyTranslatedAdminPageIsSpanishThroughoutForASpanishBrowser() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		List<String> pages = List.of("/admin/lists", "/admin/account", "/admin/lists/no-such-list");
		for (String page : pages) {
			MvcResult result = mvc.perform(get(page).with(user(ADMIN).roles("ADMIN")).header("Accept-Language", "es"))
				.andReturn();
			String html = result.getResponse().getContentAsString();
			assertThat(html).as(page).contains("<html lang=\"es\"").doesNotContainPattern("\\?\\?[\\w.-]+_es\\?\\?");
		}
		String missing = mvc.perform(get("/admin/lists/no-such-list").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "es")).andReturn().getResponse().getContentAsString();
		assertThat(missing).contains("404", "No encontrado", "Volver a las listas");
		String delete = mvc.perform(post("/admin/lists/" + list.slug() + "/delete").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "es")).andReturn().getResponse().getContentAsString();
		assertThat(delete).contains("<html lang=\"es\"", "Por favor, confirme", "¿Eliminar la lista " + list.name() + "?",
				"Miembros activos", ">Eliminar la lista</button>", ">Cancelar</a>");
		String lists = mvc.perform(get("/admin/lists").with(user(ADMIN).roles("ADMIN")).header("Accept-Language", "es"))
			.andReturn().getResponse().getContentAsString();
		assertThat(lists).contains("<h1>Listas</h1>", "Informativa", "Crear la lista").doesNotContain(">INFORMATIONAL<");
	}

	@Test
	void anAccountThatChoosesSpanishIsAnsweredInSpanishWhateverItsBrowserSays() throws Exception {
		mvc.perform(post("/admin/account/language").param("language", "es").with(user(STAFF).roles("STAFF")).with(csrf())
			.header("Accept-Language", "en")).andExpect(redirectedUrl("/admin/account"));
		String page = mvc.perform(get("/admin/account").with(user(STAFF).roles("STAFF")).header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<html lang=\"es\"", "<h1>Su cuenta</h1>",
				"<option value=\"es\" lang=\"es\" selected=\"selected\">Español</option>");

		String refused = mvc.perform(post("/admin/account/language").param("language", "xx")
			.with(user(STAFF).roles("STAFF")).with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("El idioma xx no se ofrece aquí");

		mvc.perform(post("/admin/account/language").param("language", "").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/account"));
		String english = mvc.perform(get("/admin/account").with(user(STAFF).roles("STAFF")).header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("<html lang=\"en\"", "<h1>Your account</h1>");
	}

}
