package org.listserv.composing;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Templates (save, list, rename, delete, start from) and duplicating a campaign, by the API and the pages. */
class CampaignReuseIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignTemplates templates;

	ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
		return mvc.perform(request.with(httpBasic(STAFF, STAFF_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	static long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
	}

	Campaign visual(MailingList list, String subject) {
		return campaigns.create(new CampaignRequest(list.slug(), subject, "Read on", "<p>Dear {{subscriber.name}},</p>",
				"newsletter", "visual", null, null, null, null, null, null), STAFF);
	}

	@Test
	void aCampaignSavedAsATemplateStartsACampaignOnAnotherListWithItsContentAndThatListsSender() throws Exception {
		MailingList news = newList("INFORMATIONAL");
		MailingList other = newList("INFORMATIONAL");
		Campaign c = visual(news, "Monthly news");
		String name = "Monthly " + news.slug();
		long template = id(call(post("/api/templates"), "{\"name\":\"" + name + "\",\"campaign\":" + c.id() + "}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.format").value("visual"))
			.andExpect(jsonPath("$.body").value("<p>Dear {{subscriber.name}},</p>")));
		call(post("/api/templates"), "{\"name\":\"" + name.toUpperCase() + "\",\"campaign\":" + c.id() + "}")
			.andExpect(status().isConflict());
		call(post("/api/templates"), "{\"name\":\"  \",\"campaign\":" + c.id() + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));
		mvc.perform(get("/api/templates").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"name\":\"" + name + "\"")));

		long started = id(call(post("/api/templates/" + template + "/campaigns"), "{\"list\":\"" + other.slug() + "\"}")
			.andExpect(status().isCreated()));
		Campaign s = campaigns.get(started);
		assertThat(s.list()).isEqualTo(other.slug());
		assertThat(s.status()).isEqualTo(CampaignStatus.DRAFT);
		assertThat(s.subject()).isEqualTo("Monthly news");
		assertThat(s.preheader()).isEqualTo("Read on");
		assertThat(s.body()).isEqualTo("<p>Dear {{subscriber.name}},</p>");
		assertThat(s.format()).isEqualTo(CampaignFormat.VISUAL);
		assertThat(s.fromAddress()).startsWith(other.slug() + "@");

		call(patch("/api/templates/" + template), "{\"name\":\"Renamed " + news.slug() + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Renamed " + news.slug()));
		mvc.perform(delete("/api/templates/" + template).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/templates/" + template).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isNotFound());
		assertThat(campaigns.get(started).body()).as("a campaign started from a deleted template").contains("Dear");
	}

	@Test
	void duplicatingASentCampaignMakesAnEditableDraftCalledCopyOf() throws Exception {
		MailingList list = newList("ACTION");
		Campaign c = campaigns.update(visual(list, "Call your MP").id(),
				new CampaignRequest(null, null, null, null, null, null, "Campaigns team", null, null, "URGENT", null, null));
		assertThat(campaigns.transition(c.id(), CampaignStatus.SENT, CampaignStatus.DRAFT)).isTrue();
		long copy = id(call(post("/api/campaigns/" + c.id() + "/duplicate"), "").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.subject").value("Copy of Call your MP")));
		Campaign d = campaigns.get(copy);
		assertThat(d.id()).isNotEqualTo(c.id());
		assertThat(d.body()).isEqualTo(c.body());
		assertThat(d.fromName()).isEqualTo("Campaigns team");
		assertThat(d.priority()).isEqualTo(CampaignPriority.URGENT);
		assertThat(d.scheduledAt()).isNull();
		assertThat(campaigns.get(c.id()).status()).isEqualTo(CampaignStatus.SENT);

		mvc.perform(post("/admin/campaigns/" + c.id() + "/duplicate").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/campaigns/*"))
			.andExpect(flash().attribute("notice", containsString("copy of campaign " + c.id())));
		assertThat(campaigns.search(list.slug(), "DRAFT")).hasSize(2);
	}

	@Test
	void thePagesSaveATemplateListItAndItsLayoutsAndStartADraftFromIt() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = visual(list, "Spring appeal");
		String name = "Appeal " + list.slug();
		mvc.perform(post("/admin/campaigns/" + c.id() + "/save-as-template").param("name", "")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(flash().attribute("templateError", "Give the template a name"));
		mvc.perform(post("/admin/campaigns/" + c.id() + "/save-as-template").param("name", name)
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(flash().attribute("notice", "Saved as the template '" + name + "'"));
		CampaignTemplate t = templates.all().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();

		mvc.perform(get("/admin/templates").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("Visual editor")))
			.andExpect(content().string(containsString("An action alert: a red band")))
			.andExpect(content().string(containsString("/admin/templates/layouts/newsletter/preview.html")));
		mvc.perform(get("/admin/templates/layouts/newsletter/preview.html").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dear Sample Subscriber, this is where the body")))
			.andExpect(content().string(not(containsString("{{"))));
		mvc.perform(get("/admin/lists/" + list.slug() + "/campaigns").with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("Template: " + name)));

		mvc.perform(post("/admin/lists/" + list.slug() + "/campaigns").param("template", String.valueOf(t.id()))
			.param("subject", "").param("layout", "newsletter").param("format", "markdown")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/campaigns/*"));
		assertThat(campaigns.search(list.slug(), "DRAFT")).extracting(Campaign::subject)
			.containsExactly("Spring appeal", "Spring appeal");
		assertThat(campaigns.search(list.slug(), "DRAFT").get(0).format()).isEqualTo(CampaignFormat.VISUAL);

		mvc.perform(post("/admin/templates/" + t.id() + "/rename").param("name", "Renamed " + list.slug())
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(flash().attribute("notice", "Renamed to 'Renamed " + list.slug() + "'"));
		mvc.perform(post("/admin/templates/" + t.id() + "/delete").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(flash().attribute("notice", containsString("deleted")));
		assertThat(templates.find(t.id())).isEmpty();
	}

}
