package org.listserv.sending;

import org.junit.jupiter.api.Test;

import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

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

/** Send now and Cancel sending change nothing until confirmed; a large send asks for the list's slug typed. */
class SendConfirmationIntegrationTests extends SendingIntegrationTest {

	@Test
	void sendNowWithoutConfirmationSendsNothingAndShowsTheListTheRecipientCountAndTheSubject() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "c", 3);
		long id = campaign(list, "Vigil on Friday", "Hello");

		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Please confirm"), containsString(list.name()),
					containsString("3 members"), containsString("Vigil on Friday"),
					containsString("name=\"confirm\" value=\"yes\""),
					containsString("href=\"/admin/campaigns/" + id + "\""), not(containsString("confirmTyped")))));
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);
		assertThat(deliveries(id)).isZero();

		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes")).andExpect(redirectedUrl("/admin/campaigns/" + id + "#sending"));
		awaitStatus(id, CampaignStatus.SENT);
		assertThat(deliveries(id)).isEqualTo(3);
	}

	@Test
	void theCampaignPageGivesSendNowTheQuestionForItsDialog() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "d", 2);
		long id = campaign(list, "Dialog question", "Hello");
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString(
					"data-confirm=\"Send “Dialog question” to 2 members of " + list.name() + " now?\"")));
	}

	@Test
	void aSendToMoreThanAThousandNeedsTheListsSlugTypedAndAWrongOneRefuses() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "big", 1001);
		long id = campaign(list, "Big alert", "Hello");

		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("1,001 members"), containsString("name=\"confirmTyped\""),
					containsString("type the list&#39;s short name, " + list.slug()))));
		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.header("Accept-Language", "es").param("confirm", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("¿Enviar «Big alert» a 1.001 miembros de " + list.name()),
					containsString("Este envío llega a más de 1.000 personas: escriba el nombre corto de la lista, "
							+ list.slug()))));
		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes").param("confirmTyped", "not-" + list.slug()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That is not " + list.slug())));
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);
		assertThat(deliveries(id)).isZero();

		mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes").param("confirmTyped", " " + list.slug() + " "))
			.andExpect(redirectedUrl("/admin/campaigns/" + id + "#sending"));
		assertThat(campaigns.get(id).status()).isNotEqualTo(CampaignStatus.DRAFT);
		sending.cancel(id);
	}

	@Test
	void cancelSendingWithoutConfirmationKeepsTheSendGoing() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "e", 2);
		long id = campaign(list, "Keep going", "Hello");
		sending.start(id);

		mvc.perform(post("/admin/campaigns/" + id + "/cancel").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Keep going"), containsString("for good"))));
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.SENDING);

		mvc.perform(post("/admin/campaigns/" + id + "/cancel").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("confirm", "yes")).andExpect(redirectedUrl("/admin/campaigns/" + id + "#sending"));
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.CANCELLED);
	}

	@Test
	void aSendTheChecklistBlocksAsksNothingAndSaysWhyAtTheTopOfTheCampaignPage() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		long id = campaign(list, "Nobody to send to", "Hello");
		var flash = mvc.perform(post("/admin/campaigns/" + id + "/send").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/campaigns/" + id))
			.andReturn().getFlashMap();
		assertThat(flash.get("error")).asString().isNotBlank();
		String page = mvc.perform(get("/admin/campaigns/" + id).flashAttrs(flash).with(user(STAFF).roles("STAFF")))
			.andReturn().getResponse().getContentAsString();
		int error = page.indexOf("role=\"alert\"");
		assertThat(error).as("the reason is shown").isPositive();
		assertThat(error).as("right under the heading, above the first section").isGreaterThan(page.indexOf("</h1>"))
			.isLessThan(page.indexOf("<h2"));
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);
	}

	private long deliveries(long id) {
		return jdbc.sql("select count(*) from deliveries where campaign_id = :c").param("c", id).query(Long.class).single();
	}

}
