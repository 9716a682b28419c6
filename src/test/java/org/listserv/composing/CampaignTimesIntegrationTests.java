package org.listserv.composing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Times in the campaign editor: typed in the viewer's zone (the label names it), stored in UTC, shown back in
 * that zone with its offset; the API in UTC either way. The organisation's zone is global, so every test puts
 * it back.
 */
class CampaignTimesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDefaults() {
		jdbc.sql("delete from organisation_settings").update();
	}

	@Test
	void schedulingNineOClockInBogotaStoresTwoPmUtcAndShowsItBackInBogotaTime() throws Exception {
		organisationZone("America/Bogota");
		MailingList list = newList("INFORMATIONAL");
		addMemberSince(list, "2026-06-01 17:30+00");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "Winter appeal", null, "Hello", null, null,
				null, null, null, null, null, null), STAFF);
		mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("Send at (America/Bogota)")));

		mvc.perform(post("/admin/campaigns/" + c.id() + "/schedule").param("scheduledAt", "2099-12-24T09:00")
			.with(user(STAFF).roles("STAFF")).with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(campaigns.get(c.id()).scheduledAt().toInstant())
			.isEqualTo(OffsetDateTime.of(2099, 12, 24, 14, 0, 0, 0, ZoneOffset.UTC).toInstant());
		mvc.perform(get("/admin/lists/" + list.slug() + "/campaigns").with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("2099-12-24 09:00 -05:00")));
		mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("value=\"2099-12-24T09:00\"")));
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("2026-06-01 12:30 -05:00")))
			.andExpect(content().string(containsString("Times in America/Bogota")));
		mvc.perform(get("/api/campaigns/" + c.id()).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.scheduledAt").value("2099-12-24T14:00:00Z"));
	}

	@Test
	void doNotSendAfterIsTypedInTheViewersZoneToo() throws Exception {
		organisationZone("America/Bogota");
		MailingList list = newList("ACTION");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "Call now", null, "Call", null, null, null,
				null, null, null, null, null), STAFF);
		mvc.perform(post("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("subject", "Call now").param("body", "Call").param("layout", "action-alert")
			.param("format", "markdown").param("priority", "HIGH").param("expiresAt", "2099-12-24T10:00"))
			.andExpect(status().is3xxRedirection());
		assertThat(campaigns.get(c.id()).expiresAt().toInstant())
			.isEqualTo(OffsetDateTime.of(2099, 12, 24, 15, 0, 0, 0, ZoneOffset.UTC).toInstant());
		mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("Do not send after (America/Bogota)")))
			.andExpect(content().string(containsString("value=\"2099-12-24T10:00\"")));
	}

}
