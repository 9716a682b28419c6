package org.listserv.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
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

	@Test
	void everyStaffPageWalkedByASpanishAccountIsSpanishWithNoEnglishLeft() throws Exception {
		String me = "es-admin-" + System.nanoTime() + "@example.org";
		mvc.perform(post("/admin/users").param("email", me).param("name", "Ana").param("password", "una clave muy larga 1")
			.param("role", "ADMIN").with(user(ADMIN).roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(post("/admin/account/language").param("language", "es").with(user(me).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "en")).andExpect(redirectedUrl("/admin/account"));
		MailingList list = newList("ACTION");
		mvc.perform(post("/admin/lists/" + list.slug() + "/members").param("email", "socia-" + System.nanoTime() + "@example.org")
			.param("name", "Socia").with(user(me).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/lists/" + list.slug()));
		String refused = ((FormErrors) mvc.perform(post("/admin/lists/" + list.slug() + "/members")
			.param("email", "socia-sin-dominio@").param("name", "Socia").with(user(me).roles("ADMIN")).with(csrf()))
			.andReturn().getFlashMap().get("memberErrors")).get("email");
		assertThat(refused).as("why an address is refused, in Spanish too")
			.containsAnyOf("La dirección no es válida (no tiene dominio)", "La dirección no es válida (no se puede leer:")
			.doesNotContain("has no domain", "cannot be parsed");
		String listPage = spanish(me, "/admin/lists/" + list.slug());
		assertThat(listPage).contains("Miembros", "Lista de acción", "Agregar un miembro", "Importar y exportar",
				"Configuración de la lista", "Con moderación", "Confirmar por correo electrónico", ">Activo<", ">Normal<",
				"Eliminar esta lista", "¿Eliminar la lista " + list.name() + "?")
			.doesNotContain(">ACTIVE<", ">REGULAR<", ">MODERATED<", ">CONFIRM<", "Add a member", "Import and export",
					"Save settings", "Action list", "Remove</button>");
		java.util.regex.Matcher subscriber = java.util.regex.Pattern.compile("/admin/subscribers/(\\d+)").matcher(listPage);
		assertThat(subscriber.find()).as("a member links to its history").isTrue();
		Map<String, List<String>> pages = Map.of(
				"/admin", List.of("Inicio", "Requiere su atención", "Borradores", "Programadas"),
				"/admin/subscribers/" + subscriber.group(1), List.of("Historial de consentimiento de", "Cuándo", ">nuevo<", ">Activo<", ">Administración<"),
				"/admin/lists/" + list.slug() + "/approvals", List.of("Esperan aprobación", "Nadie está esperando."));
		Map<String, List<String>> english = Map.of(
				"/admin", List.of("Needs your attention", "Drafts", "Scheduled", "No campaign is scheduled"),
				"/admin/subscribers/" + subscriber.group(1), List.of("Consent history", ">ACTIVE<", ">ADMIN<", "When"),
				"/admin/lists/" + list.slug() + "/approvals", List.of("Waiting for approval", "Nobody is waiting"));
		assertThat(spanish(me, "/admin/subscribers/987654321")).contains("No hay ningún suscriptor con el id 987654321");
		assertThat(spanish(me, "/admin/lists/no-such-list")).contains("No hay ninguna lista con el nombre corto &#39;no-such-list&#39;");
		for (var page : pages.entrySet()) {
			assertThat(spanish(me, page.getKey())).as(page.getKey()).contains(page.getValue())
				.doesNotContain(english.get(page.getKey()));
		}
	}

	@Test
	void theSignUpSnippetSpeaksTheListsLanguageWhateverTheAdminReads() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"es\"}"));
		String page = mvc.perform(get("/admin/lists/" + list.slug()).with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<html lang=\"en\"", "Add a member", "&lt;label&gt;Correo electrónico &lt;input",
				"Suscribirse a " + list.name()).doesNotContain("Join " + list.name());
	}

	/** The page as the account {@code me} sees it with an English browser: its own language decides. */
	private String spanish(String me, String page) throws Exception {
		String html = mvc.perform(get(page).with(user(me).roles("ADMIN")).header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).as(page).contains("<html lang=\"es\"").doesNotContainPattern("\\?\\?[\\w.-]+_es\\?\\?");
		return html;
	}

}
