package org.listserv.composing;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personalisation on every path a campaign is rendered (preview, test send, web version; the real send is in
 * {@code sending.PersonalisedSendIntegrationTests}) for a member without a name: the list's greeting fallback,
 * never "Dear ,"; a test's subject starts with "[TEST] ".
 */
class PersonalisationIntegrationTests extends IntegrationTest {

	static final String BODY = "Dear {{subscriber.name}},\n\nIn {{subscriber.attributes.city}} we write to {{subscriber.email}}.";

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberService members;

	@Autowired
	JdbcClient jdbc;

	MailingList listGreeting(String fallback) {
		MailingList list = newList("INFORMATIONAL");
		return fallback == null ? list
				: listService.update(list.slug(), new ListRequest(null, null, null, null, null, null, null, null, null,
						null, null, null, null, null, fallback));
	}

	String addNameless(MailingList list, String local) {
		String email = local + "@" + list.slug() + ".example.org";
		members.add(list.slug(), email, "", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		return email;
	}

	Campaign campaign(MailingList list) {
		return campaigns.create(new CampaignRequest(list.slug(), "Spring news", null, BODY, null, null, null, null, null,
				null, null, null), STAFF);
	}

	String testSend(Campaign c, String json) throws Exception {
		return mvc.perform(post("/api/campaigns/" + c.id() + "/test").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("queued"))
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void previewOfAMemberWithoutANameUsesTheListsGreetingFallback() throws Exception {
		MailingList list = listGreeting("supporter");
		String nameless = addNameless(list, "nameless");
		Campaign c = campaign(list);
		mvc.perform(post("/api/campaigns/" + c.id() + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + nameless + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.html").value(allOf(containsString("Dear supporter,"), not(containsString("Dear ,")))))
			.andExpect(jsonPath("$.text").value(allOf(containsString("Dear supporter,"), not(containsString("Dear ,")))));
		mvc.perform(get("/admin/campaigns/" + c.id() + "/preview.txt").param("email", nameless)
			.with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(allOf(containsString("Dear supporter,"), not(containsString("Dear ,")))));
	}

	@Test
	void testSendAsAMemberWithoutANameGreetsWithTheFallbackAndMarksTheSubject() throws Exception {
		MailingList list = listGreeting(null);
		String nameless = addNameless(list, "quiet");
		String to = "tester@" + list.slug() + ".example.org";
		Campaign c = campaign(list);
		String answer = testSend(c, "{\"to\":[\"" + to + "\"],\"as\":\"" + nameless + "\"}");
		assertThat(answer).contains("\"renderedAs\":\"" + nameless + "\"").contains("/api/outbox/");
		MimeMessage m = awaitMail(to, 1).get(0);
		assertThat(m.getSubject()).isEqualTo("[TEST] Spring news");
		assertThat(body(m)).contains("Dear friend,").contains("we write to " + nameless).doesNotContain("Dear ,")
			.contains("/preview-link/unsubscribe/" + list.slug()).doesNotContain("/unsubscribe/ey");
	}

	@Test
	void testSendWithoutAsRendersAsTheSendersOwnMembershipElseWithSampleValues() throws Exception {
		MailingList mine = listGreeting(null);
		members.add(mine.slug(), STAFF, "Sam Staff", Map.of("city", "Oslo"), Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		String to = "own@" + mine.slug() + ".example.org";
		testSend(campaign(mine), "{\"to\":[\"" + to + "\"]}");
		MimeMessage own = awaitMail(to, 1).get(0);
		assertThat(own.getSubject()).startsWith("[TEST] ");
		assertThat(body(own)).contains("Dear Sam Staff,").contains("In Oslo");

		MailingList other = listGreeting(null);
		String sampleTo = "sample@" + other.slug() + ".example.org";
		testSend(campaign(other), "{\"to\":[\"" + sampleTo + "\"]}");
		MimeMessage sample = awaitMail(sampleTo, 1).get(0);
		assertThat(sample.getSubject()).isEqualTo("[TEST] Spring news");
		// the sender is no member of this list: their account's name, and the address the test went to
		assertThat(body(sample)).contains("Dear Staff,").contains("In your city we write to " + sampleTo)
			.doesNotContain("Dear ,");
	}

	@Test
	void testSendAsSomeoneWhoIsNoMemberIsRefusedAndQueuesNothing() throws Exception {
		MailingList list = listGreeting(null);
		String to = "refused@" + list.slug() + ".example.org";
		Campaign c = campaign(list);
		mvc.perform(post("/api/campaigns/" + c.id() + "/test").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":[\"" + to + "\"],\"as\":\"stranger@example.org\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("not a member")));
		mvc.perform(post("/admin/campaigns/" + c.id() + "/test").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("to", to).param("as", "stranger@example.org"))
			.andExpect(flash().attribute("error", containsString("is not a member of " + list.name())))
			.andExpect(flash().attribute("testAs", "stranger@example.org"));
		assertThat(jdbc.sql("select count(*) from outbox where to_address = :to").param("to", to).query(Long.class)
			.single()).isZero();
	}

	@Test
	void thePageFormsTestSendSaysQueuedAndLinksToTheOutboxEntry() throws Exception {
		MailingList list = listGreeting(null);
		String nameless = addNameless(list, "page");
		String to = "page-tester@" + list.slug() + ".example.org";
		Campaign c = campaign(list);
		mvc.perform(post("/admin/campaigns/" + c.id() + "/test").with(user(STAFF).roles("STAFF")).with(csrf())
			.param("to", to).param("as", nameless))
			.andExpect(flash().attribute("notice", allOf(containsString("Test queued for " + to),
					containsString("as " + nameless), not(containsString("sent to")))))
			.andExpect(flash().attribute("noticeLink", containsString("/admin/outbox/")));
		assertThat(body(awaitMail(to, 1).get(0))).contains("Dear friend,");
	}

	@Test
	void theWebVersionNeverShowsAnEmptyMergeField() throws Exception {
		MailingList list = listGreeting("neighbour");
		Campaign c = campaign(list);
		jdbc.sql("update campaigns set status = 'SENT' where id = :id").param("id", c.id()).update();
		mvc.perform(get("/archive/" + list.slug() + "/" + c.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Dear neighbour,"), containsString("In your city we write"),
					containsString("write to your email address."), not(containsString("Dear ,")),
					not(containsString("In  we")), not(containsString("to .")))));
	}

}
