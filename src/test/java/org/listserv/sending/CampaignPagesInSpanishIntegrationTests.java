package org.listserv.sending;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** Every campaigns, templates, media and sending page, asked for in Spanish, is all Spanish. */
class CampaignPagesInSpanishIntegrationTests extends SendingIntegrationTest {

	/** Words of today's English pages that a Spanish page must not show. */
	static final List<String> ENGLISH = List.of(">Subject<", ">Send now<", ">Checklist<", ">Results<", ">Save<",
			"Templates and layouts", ">Rates<", "All campaigns", "New campaign", "Create draft", ">Upload<",
			"No campaigns yet", "This instance", "Send a test", "Back to draft", "Duplicate as a new draft",
			" of 2 sent", ">Draft<", ">Sent<", "Recent campaigns", "Subject present", "Every link is well-formed",
			"Unsubscribe link present", "data-label-bold=\"Bold\"", "Describe the image");

	@Test
	void everyCampaignPageAnswersInSpanishWithoutAMissingKeyOrAnEnglishWord() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "es", 2);
		long draft = campaign(list, "Borrador de junio", "Hola");
		long sent = campaign(list, "Noticias de mayo", "Hola");
		mvc.perform(post("/admin/campaigns/" + sent + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes"));
		awaitCampaign(sent, CampaignStatus.SENT, Duration.ofSeconds(30));

		assertSpanish("/admin/campaigns", STAFF, "Campañas recientes");
		assertSpanish("/admin/lists/" + list.slug() + "/campaigns", STAFF, "Nueva campaña");
		assertSpanish("/admin/campaigns/" + draft, STAFF, "Lista de comprobación");
		assertSpanish("/admin/campaigns/" + sent, STAFF, "2 de 2 enviados");
		assertSpanish("/admin/templates", STAFF, "Plantillas y diseños");
		assertSpanish("/admin/media", STAFF, "Todavía no hay imágenes");
		assertSpanish("/admin/sending", ADMIN, "Relé de salida");
	}

	@Test
	void theSendButtonsSayWhatHappenedAndWhyNotInSpanish() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "es", 1);
		long id = campaign(list, "Alerta de junio", "Hola");
		mvc.perform(post("/admin/campaigns/" + id + "/pause").with(user(STAFF).roles("STAFF")).with(csrf())
			.header("Accept-Language", "es"))
			.andExpect(flash().attribute("error",
					"Solo se puede pausar una campaña que se está enviando; el estado de esta es: Borrador"));
		mvc.perform(post("/admin/campaigns/" + id + "/cancel").with(user(STAFF).roles("STAFF")).with(csrf())
			.header("Accept-Language", "es"))
			.andExpect(content().string(containsString("¿Cancelar definitivamente el envío de «Alerta de junio»?")));
		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.header("Accept-Language", "es").param("confirm", "yes"))
			.andExpect(flash().attribute("notice", "Envío iniciado"));
		awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(30));
		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.header("Accept-Language", "es").param("confirm", "yes"))
			.andExpect(flash().attribute("error",
					"Solo se puede enviar una campaña en borrador o programada; el estado de esta es: Enviada"));
		mvc.perform(post("/api/campaigns/" + id + "/cancel").with(httpBasic(STAFF, STAFF_PASSWORD))
			.header("Accept-Language", "es"))
			.andExpect(jsonPath("$.detail").value("Esta campaña ya no se puede cancelar; su estado es: Enviada"));
	}

	private void assertSpanish(String url, String who, String spanish) throws Exception {
		String role = who.equals(ADMIN) ? "ADMIN" : "STAFF";
		String html = mvc.perform(get(url).accept(org.springframework.http.MediaType.TEXT_HTML).header("Accept-Language", "es").with(user(who).roles(role)))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).as(url).contains("<html lang=\"es\"").contains(spanish).doesNotContain("??");
		for (String english : ENGLISH) {
			assertThat(html).as("%s shows the English %s", url, english).doesNotContain(english);
		}
	}

}
