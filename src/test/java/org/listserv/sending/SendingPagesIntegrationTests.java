package org.listserv.sending;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SendingPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CampaignService campaigns;

	@Test
	void sendNowFromTheCampaignPageShowsTheProgressBarWhenSent() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		jdbc.sql("""
				with s as (insert into subscribers (email, name)
				  select 'p' || g || '@' || :domain, '' from generate_series(1, 5) g returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at) select :list, id, 'ACTIVE', now() from s
				""").param("domain", list.slug() + ".example.org").param("list", list.id()).update();
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"Page send\",\"body\":\"Hello\"}"))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("id=\"send-now\"")));
		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/campaigns/" + id + "#sending"));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (campaigns.get(id).status() != CampaignStatus.SENT) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			Thread.sleep(100);
		}
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"send-progress\"")))
			.andExpect(content().string(containsString("5 of 5 sent")));
	}

}
