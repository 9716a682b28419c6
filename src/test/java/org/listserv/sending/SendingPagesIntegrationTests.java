package org.listserv.sending;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;


import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SendingPagesIntegrationTests extends SendingIntegrationTest {

	@Test
	void sendNowFromTheCampaignPageShowsTheProgressBarWhenSent() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "p", 5);
		long id = campaign(list, "Page send", "Hello");
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("id=\"send-now\"")));
		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/campaigns/" + id + "#sending"));
		awaitStatus(id, CampaignStatus.SENT, Duration.ofSeconds(30));
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"send-progress\"")))
			.andExpect(content().string(containsString("5 of 5 sent")));
	}

}
