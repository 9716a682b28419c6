package org.listserv.sending;

import org.springframework.beans.factory.annotation.Autowired;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

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
		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes"))
			.andExpect(redirectedUrl("/admin/campaigns/" + id + "#sending"));
		awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(30));
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"send-progress\"")))
			.andExpect(content().string(containsString("5 of 5 sent")));
	}

	@Autowired
	SendRates rates;

	@Test
	void anAdminSetsAndRemovesRatesOnTheSendingPageAndStaffCannot() throws Exception {
		mvc.perform(get("/admin/sending").with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/sending/rates").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("domain", "yahoo.com").param("perSecond", "5")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/sending/rates").with(user(ADMIN).roles("ADMIN"))
			.param("domain", "yahoo.com").param("perSecond", "5")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/sending/rates").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.param("domain", "Yahoo.COM").param("perSecond", "12.5").param("burst", ""))
			.andExpect(redirectedUrl("/admin/sending"))
			.andExpect(flash().attribute("notice", "Rate for yahoo.com set to 12.5/s"));
		mvc.perform(post("/admin/sending/rates").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.param("domain", "yahoo.com").param("perSecond", "fast"))
			.andExpect(flash().attribute("error", "The messages per second must be a number"));
		mvc.perform(get("/admin/sending").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("yahoo.com")))
			.andExpect(content().string(containsString("12.5")));
		mvc.perform(post("/admin/sending/rates/delete").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.param("domain", "yahoo.com")).andExpect(flash().attribute("notice", "Rate for yahoo.com removed"));
		mvc.perform(post("/admin/sending/rates/delete").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.param("domain", "nowhere.example")).andExpect(flash().attribute("error", "No rate for nowhere.example"));
		org.assertj.core.api.Assertions.assertThat(rates.find("yahoo.com")).isEmpty();
	}

	@Test
	void theRatesAndWhatHappenedToThemReadInSpanishWithADecimalComma() throws Exception {
		mvc.perform(post("/admin/sending/rates").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "es").param("domain", "hotmail.com").param("perSecond", "7,5").param("burst", ""))
			.andExpect(flash().attribute("notice", "Velocidad de hotmail.com fijada en 7,5/s"));
		mvc.perform(post("/admin/sending/rates").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "es").param("domain", "hotmail.com").param("perSecond", "7").param("burst", "0"))
			.andExpect(flash().attribute("error", "La ráfaga debe ser de 1 como mínimo"));
		mvc.perform(get("/admin/sending").with(user(ADMIN).roles("ADMIN")).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("<td>7,5</td>")));
		mvc.perform(post("/admin/sending/rates/delete").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "es").param("domain", "hotmail.com"))
			.andExpect(flash().attribute("notice", "Se quitó la velocidad de hotmail.com"));
		mvc.perform(post("/admin/sending/rates/delete").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "es").param("domain", "nowhere.example"))
			.andExpect(flash().attribute("error", "No hay ninguna velocidad fijada para nowhere.example"));
	}

}
