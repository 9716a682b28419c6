package org.listserv.accounts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation's time zone (admins, /admin/settings) and each account's own (/admin/account): times on the
 * pages in the viewer's zone with its offset. The organisation's zone is global, so every test puts it back.
 * (Times typed in the campaign editor: composing's CampaignTimesIntegrationTests.)
 */
class TimeZonesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDefaults() {
		jdbc.sql("delete from organisation_settings").update();
		jdbc.sql("update users set time_zone = null").update();
	}

	@Test
	void anAccountsOwnZoneWinsOverTheOrganisationsAndBlankFollowsItAgain() throws Exception {
		organisationZone("America/Bogota");
		MailingList list = newList("INFORMATIONAL");
		addMemberSince(list, "2026-06-01 17:30+00");
		ensureStaff();
		mvc.perform(post("/admin/account").param("timeZone", "Asia/Tokyo").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/account"));
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("2026-06-02 02:30 +09:00")));
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("2026-06-01 12:30 -05:00")));
		mvc.perform(post("/admin/account").param("timeZone", "").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/account"));
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("2026-06-01 12:30 -05:00")));
	}

	@Test
	void anUnknownZoneIsRefusedBesideTheFieldAndOnlyAdminsSetTheOrganisations() throws Exception {
		organisationZone("Europe/Berlin");
		mvc.perform(post("/admin/settings").param("timeZone", "Mars/Olympus").with(user(ADMIN).roles("ADMIN"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"timeZone-error\"")))
			.andExpect(content().string(containsString("Unknown time zone &quot;Mars/Olympus&quot;")));
		mvc.perform(post("/admin/settings").param("timeZone", "UTC").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/settings").with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/settings").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("<option value=\"Europe/Berlin\" selected=\"selected\">")))
			.andExpect(content().string(not(containsString("timeZone-error"))));
	}

}
