package org.listserv.composing;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CampaignDeleteIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void deletingACampaignWithoutConfirmationKeepsTheDraftAndAsksFirst() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "Keep me", null, "Hi", null, null, null, null,
				null, null, null, null), STAFF);
		mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("data-confirm=\"Delete the campaign “Keep me”?")));

		mvc.perform(post("/admin/campaigns/" + c.id() + "/delete").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete the campaign “Keep me”?")))
			.andExpect(content().string(containsString(list.name())));
		assertThat(campaigns.get(c.id()).status()).isEqualTo(CampaignStatus.DRAFT);

		mvc.perform(post("/admin/campaigns/" + c.id() + "/delete").param("confirm", "yes")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/lists/" + list.slug() + "/campaigns"));
		assertThatThrownBy(() -> campaigns.get(c.id())).isInstanceOf(NotFoundException.class);
	}

}
