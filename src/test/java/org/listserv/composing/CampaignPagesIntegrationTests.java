package org.listserv.composing;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CampaignPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesNeedALoginAndAFormWithoutCsrfTokenIsForbidden() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(get("/admin/lists/" + list.slug() + "/campaigns")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/admin/campaigns/1/preview.html")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/admin/lists/" + list.slug() + "/campaigns").param("subject", "x")
			.with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/campaigns").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(list.name())));
	}

	@Test
	void editorShowsTheTemplateErrorWithItsPositionAndKeepsWhatWasTyped() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "June", null, "Hi", null, null, null, null, null,
				null, null, null), STAFF);
		mvc.perform(post("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("subject", "June").param("body", "Hello\n{{#list.name}} open").param("layout", "newsletter")
			.param("format", "markdown"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("line 2, column 1: the section {{#list.name}} opened here is never closed")))
			.andExpect(content().string(containsString("{{#list.name}} open</textarea>")));
		mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-rule=\"active-members\"")))
			.andExpect(content().string(containsString("newsletter")))
			.andExpect(content().string(containsString("action-alert")));
		mvc.perform(get("/admin/campaigns/" + c.id() + "/preview.html").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
	}

}
