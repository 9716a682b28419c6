package org.listserv.composing;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The editor page and what it saves: sanitised bodies, errors beside their fields, the order of the page. */
class CampaignEditorIntegrationTests extends IntegrationTest {

	static final String HOSTILE = "<p onclick=\\\"steal()\\\" style=\\\"color:red\\\">Dear {{subscriber.name}},</p>"
			+ "<script>alert(1)</script><img src=\\\"https://example.org/a.png\\\" alt=\\\"March\\\" onerror=\\\"steal()\\\">"
			+ "<a href=\\\"javascript:alert(1)\\\">bad</a> <a href=\\\"{{unsubscribe_url}}\\\">Leave</a>";

	@Autowired
	MockMvc mvc;

	static void assertClean(String body) {
		assertThat(body).doesNotContain("<script", "alert(1)", "onclick", "onerror", "style=", "javascript:")
			.contains("<p>Dear {{subscriber.name}},</p>", "<img src=\"https://example.org/a.png\" alt=\"March\">",
					"<a href=\"{{unsubscribe_url}}\">Leave</a>");
	}

	@Test
	void theApiStoresVisualAndHtmlBodiesSanitisedWithTheirMergeTags() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String created = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"Hi\",\"format\":\"visual\",\"body\":\"" + HOSTILE + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.format").value("visual"))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
		assertClean(campaigns.get(id).body());

		mvc.perform(patch("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"html\",\"body\":\"" + HOSTILE + "\"}"))
			.andExpect(status().isOk());
		assertThat(campaigns.get(id).format()).isEqualTo(CampaignFormat.HTML);
		assertClean(campaigns.get(id).body());
	}

	@Test
	void theEditorSavesAVisualBodySanitised() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "June", null, "Hi", null, null, null, null, null,
				null, null, null), STAFF);
		mvc.perform(post("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("subject", "June").param("layout", "newsletter").param("format", "visual")
			.param("body", HOSTILE.replace("\\\"", "\"")))
			.andExpect(status().is3xxRedirection());
		assertThat(campaigns.get(c.id()).format()).isEqualTo(CampaignFormat.VISUAL);
		assertClean(campaigns.get(c.id()).body());
		mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("<option value=\"visual\" selected=\"selected\">Visual editor</option>")))
			.andExpect(content().string(containsString("/webjars/quill/1.3.7/dist/quill.min.js")))
			.andExpect(content().string(containsString("/js/media-picker.js")));
		mvc.perform(get("/webjars/quill/1.3.7/dist/quill.min.js").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk());
	}

	@Test
	void aRefusedFieldIsNamedByItsLabelBesideItAndWhatWasTypedIsKept() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "June", null, "Hi", null, null, null, null, null,
				null, null, null), STAFF);
		String page = mvc.perform(post("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")).with(csrf())
			.param("subject", "June news typed").param("layout", "newsletter").param("format", "markdown")
			.param("body", "Body typed").param("fromAddress", "not an address"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Not saved: see From address below")
			.contains("aria-describedby=\"fromAddress-error\"")
			.containsPattern("<p class=\"field-error\" id=\"fromAddress-error\">The From address [^<]+</p>")
			.doesNotContain("fromAddress " + "is", "The fromAddress")
			.contains("value=\"not an address\"", "value=\"June news typed\"", ">Body typed</textarea>");
		// the error sits beside its field: after the input, before the next field
		assertThat(page.indexOf("id=\"fromAddress-error\"")).isGreaterThan(page.indexOf("id=\"fromAddress\""))
			.isLessThan(page.indexOf("id=\"test-send\""));
		assertThat(campaigns.get(c.id()).subject()).isEqualTo("June");
	}

	@Test
	void whatBlocksTheSendIsSaidAtTheTopOfThePage() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "", null, "Hi", null, null, null, null, null,
				null, null, null), STAFF);
		String page = mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"send-blocked\"", "The subject is empty", "The list has no active members");
		assertThat(page.indexOf("id=\"send-blocked\"")).isLessThan(page.indexOf("id=\"campaign-form\""));
	}

	@Test
	void aSentCampaignShowsItsResultsAndTheMessageReadOnlyNotTheEditor() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "Sent news", null, "Hi {{unsubscribe_url}}", null,
				null, null, null, null, null, null, null), STAFF);
		assertThat(campaigns.transition(c.id(), CampaignStatus.SENT, CampaignStatus.DRAFT)).isTrue();
		String page = mvc.perform(get("/admin/campaigns/" + c.id()).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"campaign-form\""))))
			.andExpect(content().string(not(containsString("id=\"send-now\""))))
			.andExpect(content().string(not(containsString("quill.min.js"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"sending-h\">Results", "id=\"message-facts\"", "id=\"duplicate-campaign\"");
		assertThat(page.indexOf("Results")).isLessThan(page.indexOf("The message"));
	}

}
