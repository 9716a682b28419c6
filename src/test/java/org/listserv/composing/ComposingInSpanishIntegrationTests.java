package org.listserv.composing;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The composing texts that Java makes (the checklist, refused input, notices, confirmations, sample values, a
 * copy's subject, the greeting of a member without a name) in the reader's language: Spanish when asked.
 */
class ComposingInSpanishIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	private Campaign draft(MailingList list, String subject, String body) {
		return campaigns.create(new CampaignRequest(list.slug(), subject, null, body, null, null, null, null, null, null,
				null, null), STAFF);
	}

	private MailingList spanishList() {
		ensureStaff();
		String slug = "es" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		MailingList list = listService.create(new ListRequest(slug, "Noticias " + slug, "INFORMATIONAL", null, null,
				null, null, null, null, null, null, null, null, null, null, "es"));
		ownedByStaff(list);
		return list;
	}

	private static MockHttpServletRequestBuilder es(MockHttpServletRequestBuilder request) {
		return request.header("Accept-Language", "es");
	}

	@Test
	void theApiGivesTheChecklistInTheRequestsLanguageWithTheSameFields() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = draft(list, "", "Hola");
		mvc.perform(es(post("/api/campaigns/" + c.id() + "/preview")).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checklist.items[0].rule").value("subject"))
			.andExpect(jsonPath("$.checklist.items[0].message").value("El asunto está vacío"))
			.andExpect(jsonPath("$.checklist.items[?(@.rule == 'active-members')].message")
				.value(hasItem("La lista no tiene miembros activos")));
		mvc.perform(post("/api/campaigns/" + c.id() + "/preview").header("Accept-Language", "en")
			.with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(jsonPath("$.checklist.items[0].message").value("The subject is empty"));
	}

	@Test
	void refusedSchedulingAndFieldsAreExplainedInSpanishUnderTheEnglishTitle() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = draft(list, "Junio", "Hola");
		mvc.perform(es(patch("/api/campaigns/" + c.id())).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scheduledAt\":\"" + OffsetDateTime.now().plusDays(1) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value("Checklist has errors"))
			.andExpect(jsonPath("$.detail").value(containsString("La campaña no se puede programar")))
			.andExpect(jsonPath("$.checklist.items[?(@.rule == 'active-members')].message")
				.value(hasItem("La lista no tiene miembros activos")));
		mvc.perform(es(patch("/api/campaigns/" + c.id())).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"priority\":\"HIGH\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("priority"))
			.andExpect(jsonPath("$.detail").value(containsString("solo para las listas de alertas de acción")));
		mvc.perform(es(patch("/api/campaigns/" + c.id())).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Hola {{#list.name}}\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value("Template does not compile"))
			.andExpect(jsonPath("$.detail").value(containsString("El cuerpo tiene un error de plantilla: línea 1")))
			.andExpect(jsonPath("$.problem").value(containsString("nunca se cierra")));
	}

	@Test
	void thePagesNoticesConfirmationsAndChecklistAreInSpanish() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String location = mvc.perform(es(post("/admin/lists/" + list.slug() + "/campaigns")).with(user(STAFF).roles("STAFF"))
			.with(csrf()).param("subject", "Noticias de junio"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Borrador creado"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(es(post("/admin/campaigns/" + id + "/test")).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("to", "someone@example.org"))
			.andExpect(flash().attribute("notice", containsString("Prueba en cola para someone@example.org")))
			.andExpect(flash().attribute("noticeLinkText", "vea qué pasó con ella en la bandeja de salida"));
		mvc.perform(es(post("/admin/campaigns/" + id + "/test")).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("to", ""))
			.andExpect(flash().attribute("error", "Indique al menos una dirección"));

		String page = mvc.perform(es(get("/admin/campaigns/" + id)).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Tiene asunto", "La lista no tiene miembros activos", "data-label-bold=\"Negrita\"",
				"data-alt-prompt=\"Describa la imagen")
			.doesNotContain("Subject present", "The list has no active members", "??");

		String refused = mvc.perform(es(post("/admin/campaigns/" + id)).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("subject", "Junio").param("layout", "newsletter").param("format", "markdown").param("body", "Hola")
			.param("fromAddress", "no es una dirección"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("No se guardó: revise «Dirección del remitente» más abajo",
				"La dirección del remitente no es válida");

		String confirm = mvc.perform(es(post("/admin/campaigns/" + id + "/delete")).with(user(STAFF).roles("STAFF"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(confirm).contains("¿Eliminar la campaña «Noticias de junio»?", "esto no se puede deshacer")
			.doesNotContain("Delete the campaign");
		mvc.perform(es(post("/admin/campaigns/" + id + "/delete")).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes"))
			.andExpect(flash().attribute("notice", "Campaña eliminada"));
	}

	@Test
	void aCopyIsNamedInTheListsLanguageAndANamelessMemberIsGreetedInSpanish() throws Exception {
		MailingList list = spanishList();
		addMember(list, "sin-nombre@" + list.slug() + ".example.org", "");
		Campaign c = draft(list, "Llamen a su diputada", "Hola, {{subscriber.first_name}}: gracias.");
		// the list's language decides, not the request's
		mvc.perform(post("/api/campaigns/" + c.id() + "/duplicate").header("Accept-Language", "en")
			.with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subject").value("Copia de Llamen a su diputada"));
		mvc.perform(post("/api/campaigns/" + c.id() + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"sin-nombre@" + list.slug() + ".example.org\"}"))
			.andExpect(jsonPath("$.text").value(containsString("Hola, comunidad: gracias.")));
	}

	@Test
	void aLayoutsPreviewShowsSampleValuesInTheStaffsLanguage() throws Exception {
		String html = mvc.perform(es(get("/admin/templates/layouts/newsletter/preview.html")).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Su lista", "Hola, Persona de ejemplo: aquí va el cuerpo", "Darse de baja")
			.doesNotContain("Your list", "this is where the body");
	}

}
