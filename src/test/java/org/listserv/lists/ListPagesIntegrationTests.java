package org.listserv.lists;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ListPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void deletingAListWithoutConfirmationKeepsItAndAsksFirst() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(post("/admin/lists/" + list.slug() + "/delete").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Delete the list " + list.name() + "?"),
					containsString("Active members"), containsString("name=\"confirm\" value=\"yes\""),
					containsString("href=\"/admin/lists/" + list.slug() + "\""))));
		assertThat(listService.find(list.slug())).as("the list is still there").isPresent();

		mvc.perform(post("/admin/lists/" + list.slug() + "/delete").param("confirm", "no")
			.with(user(ADMIN).roles("ADMIN")).with(csrf())).andExpect(status().isOk());
		assertThat(listService.find(list.slug())).isPresent();

		mvc.perform(post("/admin/lists/" + list.slug() + "/delete").param("confirm", "yes")
			.with(user(ADMIN).roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/admin/lists"));
		assertThat(listService.find(list.slug())).isEmpty();
	}

	@Test
	void aWrongShortNameIsShownBesideItsFieldInWordsWithTheTypedValuesKept() throws Exception {
		mvc.perform(post("/admin/lists").param("slug", "Not A Slug!").param("name", "Peace walk typed")
			.param("kind", "INFORMATIONAL").param("description", "About the walk")
			.with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"new-list-slug-error\""),
					containsString("The short name must be"), containsString("aria-invalid=\"true\""),
					containsString("Please correct Short name below"), containsString("value=\"Peace walk typed\""),
					containsString("About the walk</textarea>"), not(containsString("The slug")))));
	}

	@Test
	void aWrongSettingShowsBesideItsFieldAfterTheRedirectWithTheTypedValuesKept() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		var flash = mvc.perform(post("/admin/lists/" + list.slug() + "/settings").param("name", "Renamed but not saved")
			.param("fromAddress", "not-an-address").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/lists/" + list.slug() + "#settings-h"))
			.andReturn().getFlashMap();
		mvc.perform(get("/admin/lists/" + list.slug()).flashAttrs(flash).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"settings-fromAddress-error\""),
					containsString("The from address"), containsString("Please correct From address below"),
					containsString("value=\"not-an-address\""), containsString("value=\"Renamed but not saved\""),
					not(containsString("fromAddress is")), not(containsString("The fromAddress")))));
		assertThat(listService.get(list.slug()).name()).isEqualTo(list.name());
	}

	@Test
	void staffCannotDeleteAListEvenWithAConfirmation() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(post("/admin/lists/" + list.slug() + "/delete").param("confirm", "yes")
			.with(user(STAFF).roles("STAFF")).with(csrf())).andExpect(status().isForbidden());
		assertThat(listService.find(list.slug())).isPresent();
	}

	@Test
	void aNewListTakesTheLanguageChosenOnTheFormAndItsSettingsChangeIt() throws Exception {
		mvc.perform(post("/admin/lists").param("slug", "boletin-es").param("name", "Boletín").param("kind", "INFORMATIONAL")
			.param("language", "es").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/lists/boletin-es"));
		assertThat(listService.get("boletin-es").language()).isEqualTo("es");
		mvc.perform(get("/admin/lists").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(allOf(containsString("<td lang=\"es\">Español</td>"),
					containsString("<select name=\"language\""))));
		mvc.perform(get("/admin/lists/boletin-es").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("<option value=\"es\" lang=\"es\" selected=\"selected\">Español</option>")));

		mvc.perform(post("/admin/lists/boletin-es/settings").param("language", "en")
			.with(user(ADMIN).roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/admin/lists/boletin-es"));
		assertThat(listService.get("boletin-es").language()).isEqualTo("en");
		mvc.perform(post("/admin/lists/boletin-es/settings").param("language", "xx")
			.with(user(ADMIN).roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/admin/lists/boletin-es#settings-h"));
		assertThat(listService.get("boletin-es").language()).as("an unknown language changes nothing").isEqualTo("en");
		mvc.perform(post("/admin/lists").param("slug", "boletin-xx").param("name", "X").param("kind", "INFORMATIONAL")
			.param("language", "xx").with(user(ADMIN).roles("ADMIN")).with(csrf()).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("El idioma xx no se ofrece aquí"),
					containsString("Por favor, corrija Idioma"), not(containsString("languages.error")))));
	}

}
