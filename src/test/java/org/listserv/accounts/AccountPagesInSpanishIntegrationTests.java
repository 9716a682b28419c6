package org.listserv.accounts;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The login, users and settings pages walked by an account whose language is Spanish (its browser says
 * English): Spanish throughout, each account's language on the users page, roles and states in words.
 */
class AccountPagesInSpanishIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	private String spanishAdmin() throws Exception {
		String me = "es-users-" + System.nanoTime() + "@example.org";
		accountService.create(me, "Ana", "una clave muy larga 1", Role.ADMIN);
		mvc.perform(post("/admin/account/language").param("language", "es").with(user(me).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "en")).andExpect(redirectedUrl("/admin/account"));
		return me;
	}

	private String page(String me, String path) throws Exception {
		String html = mvc.perform(get(path).with(user(me).roles("ADMIN")).header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).as(path).contains("<html lang=\"es\"").doesNotContainPattern("\\?\\?[\\w.-]+_es\\?\\?");
		return html;
	}

	@Test
	void theUsersPageShowsEachAccountsLanguageAndRolesInWordsInSpanish() throws Exception {
		String me = spanishAdmin();
		String browserFollower = "es-staff-" + System.nanoTime() + "@example.org";
		accountService.create(browserFollower, "Beto", "una clave muy larga 2", Role.STAFF);
		Document users = Jsoup.parse(page(me, "/admin/users"));
		assertThat(users.select("h1").text()).isEqualTo("Usuarios");
		assertThat(users.select("#users thead").text()).contains("Idioma", "Rol", "Estado");
		var mine = users.select("#users tr:has(td:containsOwn(" + me + "))");
		assertThat(mine.select("td.language").text()).isEqualTo("Español");
		assertThat(mine.select("td.language").attr("lang")).isEqualTo("es");
		assertThat(mine.text()).contains("Administrador", "activa", "usted");
		var theirs = users.select("#users tr:has(td:containsOwn(" + browserFollower + "))");
		assertThat(theirs.select("td.language").text()).isEqualTo("El del navegador");
		assertThat(theirs.text()).contains("Personal", "Desactivar");
		assertThat(users.select("form[data-confirm]").attr("data-confirm")).startsWith("¿Desactivar la cuenta ");
		assertThat(users.select("h2").text()).isEqualTo("Agregar un usuario");
		assertThat(users.select("#new-user").text()).contains("Contraseña",
				"Personal: redactar y enviar, agregar miembros");
		assertThat(users.text()).doesNotContain("ADMIN", "STAFF", "Add a user", "Password", "enabled", "Disable");
	}

	@Test
	void aStaffPageHasNoPublicLanguageSwitcherAboveIt() throws Exception {
		// the public pages' switcher was a <nav> in layout.html, so "~{fragments/layout :: nav}" put it on every staff page too
		Document users = Jsoup.parse(page(spanishAdmin(), "/admin/users"));
		assertThat(users.select("nav.languages")).isEmpty();
		assertThat(users.select("header.top")).hasSize(1);
	}

	@Test
	void settingsAndItsErrorsAreSpanish() throws Exception {
		String me = spanishAdmin();
		Document settings = Jsoup.parse(page(me, "/admin/settings"));
		assertThat(settings.select("h1").text()).isEqualTo("Ajustes");
		assertThat(settings.select("#organisation-zone").text()).contains("Zona horaria de la organización",
				"Su cuenta", "Guardar").doesNotContain("The organisation", "Save");
		String refused = mvc.perform(post("/admin/settings").param("timeZone", "Mars/Olympus")
			.with(user(me).roles("ADMIN")).with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Zona horaria desconocida «Mars/Olympus»").doesNotContain("Unknown time zone");
		var saved = mvc.perform(post("/admin/settings").param("timeZone", "America/Bogota")
			.with(user(me).roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/admin/settings")).andReturn();
		assertThat(saved.getFlashMap().get("notice")).isEqualTo("La zona horaria de la organización ahora es America/Bogota");
		mvc.perform(post("/admin/settings").param("timeZone", "UTC").with(user(me).roles("ADMIN")).with(csrf()));
	}

	@Test
	void addingAUserWithAShortPasswordSaysSoInSpanishAndKeepsWhatWasTyped() throws Exception {
		String me = spanishAdmin();
		String page = mvc.perform(post("/admin/users").param("email", "nueva@example.org").param("name", "Nueva")
			.param("password", "corta").param("role", "STAFF").with(user(me).roles("ADMIN")).with(csrf()))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("La contraseña debe tener al menos 12 caracteres", "value=\"nueva@example.org\"")
			.doesNotContain("The password must have");
	}

	@Test
	void theLoginPageFollowsTheBrowsersLanguage() throws Exception {
		String login = mvc.perform(get("/login").header("Accept-Language", "es")).andReturn().getResponse()
			.getContentAsString();
		assertThat(login).contains("<html lang=\"es\"", "<title>Iniciar sesión", "Correo electrónico", "Contraseña")
			.doesNotContain(">Password<", ">Log in<");
		String english = mvc.perform(get("/login").param("error", "").header("Accept-Language", "en")).andReturn()
			.getResponse().getContentAsString();
		assertThat(english).contains("<html lang=\"en\"", "Wrong address or password.", ">Log in</button>");
	}

}
