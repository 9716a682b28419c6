package org.listserv.composing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CampaignApiIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
			throws Exception {
		return mvc.perform(request.with(httpBasic(STAFF, STAFF_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	long create(MailingList list, String extra) throws Exception {
		String body = call(post("/api/campaigns"), "{\"list\":\"" + list.slug() + "\",\"subject\":\"Hello\","
				+ "\"body\":\"Dear {{subscriber.name}}, read on.\"" + extra + "}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
	}

	@Test
	void staffCreatesADraftWithTheDefaultsOfTheListKind() throws Exception {
		MailingList news = newList("INFORMATIONAL");
		MailingList alerts = newList("ACTION");
		call(post("/api/campaigns"), "{\"list\":\"" + news.slug() + "\",\"subject\":\"June news\",\"body\":\"# Hi\"}")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/campaigns/")))
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.list").value(news.slug()))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.format").value("markdown"))
			.andExpect(jsonPath("$.layout").value("newsletter"))
			.andExpect(jsonPath("$.fromAddress").value(news.slug() + "@lists.example.org"))
			.andExpect(jsonPath("$.priority").doesNotExist());
		long id = create(alerts, "");
		mvc.perform(get("/api/campaigns/" + id).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.layout").value("action-alert"))
			.andExpect(jsonPath("$.priority").value("NORMAL"));
		mvc.perform(get("/api/campaigns?list=" + alerts.slug() + "&status=DRAFT").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(id));
		call(patch("/api/campaigns/" + id), "{\"subject\":\"Call now\",\"priority\":\"URGENT\",\"format\":\"html\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("Call now"))
			.andExpect(jsonPath("$.priority").value("URGENT"))
			.andExpect(jsonPath("$.format").value("html"));
	}

	@Test
	void answers401WithoutLogin404ForUnknown400ForBadInputAnd409OnceNotEditable() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(get("/api/campaigns")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/campaigns").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
		call(get("/api/campaigns/999999999"), "").andExpect(status().isNotFound());
		call(post("/api/campaigns"), "{\"list\":\"no-such-list\",\"subject\":\"x\"}").andExpect(status().isNotFound());
		call(post("/api/campaigns"), "{\"subject\":\"x\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("list"));
		call(post("/api/campaigns"), "{\"list\":\"" + list.slug() + "\",\"format\":\"rtf\"}")
			.andExpect(status().isBadRequest());
		call(post("/api/campaigns"), "{\"list\":\"" + list.slug() + "\",\"priority\":\"HIGH\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("priority"));
		call(post("/api/campaigns"), "{\"list\":\"" + list.slug() + "\",\"layout\":\"no-such\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("layout"));
		long id = create(list, "");
		call(post("/api/campaigns/" + id + "/test"), "{\"to\":[]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		String eleven = "\"a@example.org\",".repeat(10) + "\"b@example.org\"";
		call(post("/api/campaigns/" + id + "/test"), "{\"to\":[" + eleven + "]}").andExpect(status().isBadRequest());
		jdbc.sql("update campaigns set status = 'SENT' where id = :id").param("id", id).update();
		call(patch("/api/campaigns/" + id), "{\"subject\":\"Too late\"}").andExpect(status().isConflict());
		call(delete("/api/campaigns/" + id), "").andExpect(status().isConflict());
		long draft = create(list, "");
		call(delete("/api/campaigns/" + draft), "").andExpect(status().isNoContent());
		call(get("/api/campaigns/" + draft), "").andExpect(status().isNotFound());
	}

	@Test
	void refusesABodyThatDoesNotCompileWithLineAndColumn() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		call(post("/api/campaigns"), "{\"list\":\"" + list.slug() + "\",\"subject\":\"x\","
				+ "\"body\":\"Hello\\n\\nthere {{#subscriber.name}}friend\\n{{/list.name}}\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("body"))
			.andExpect(jsonPath("$.line").value(4))
			.andExpect(jsonPath("$.column").value(1))
			.andExpect(jsonPath("$.problem").value(containsString("opened at line 3, column 7")));
		long id = create(list, "");
		call(patch("/api/campaigns/" + id), "{\"body\":\"Hi {{subscriber.name\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.line").value(1))
			.andExpect(jsonPath("$.column").value(4));
	}

	@Test
	void schedulingNeedsAChecklistWithoutErrors() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		long id = create(list, "");
		call(patch("/api/campaigns/" + id), "{\"scheduledAt\":\"2099-01-01T09:00:00Z\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.checklist.ready").value(false))
			.andExpect(jsonPath("$.checklist.items[?(@.rule=='active-members')].passed").value(false));
		members(list, Map.of("member@example.org", "Ada"));
		call(patch("/api/campaigns/" + id), "{\"scheduledAt\":\"2099-01-01T09:00:00Z\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SCHEDULED"));
		call(patch("/api/campaigns/" + id), "{\"status\":\"DRAFT\"}").andExpect(jsonPath("$.status").value("DRAFT"));
		call(patch("/api/campaigns/" + id), "{\"status\":\"SENT\"}").andExpect(status().isBadRequest());
	}

	@Autowired
	org.listserv.subscriptions.MemberService memberService;

	void members(MailingList list, Map<String, String> people) {
		people.forEach((email, name) -> memberService.add(list.slug(), email, name, Map.of("city", "Oslo"),
				org.listserv.subscriptions.Actor.staff(org.listserv.subscriptions.ConsentSource.ADMIN, ADMIN, null)));
	}

}
