package org.listserv.composing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing a staff member sees lets them act as a member: a campaign written to show the personal links,
 * previewed as a real member, test-sent to that member's address and read as its web version, carries only
 * inert links. Every URL in those messages is used anonymously, every way our pages take a link (GET, the
 * one-click POST, the unsubscribe and preference forms), and the member stays as they were; the links that
 * stand for the personal ones say what they would do.
 */
class PreviewLinksIntegrationTests extends IntegrationTest {

	private static final String BASE = "http://localhost:8080";

	private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>()\\]]+");

	private static final String BODY = "Dear {{subscriber.name}}, leave here: {{unsubscribe_url}} "
			+ "or [change your settings]({{preferences_url}}).";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberService members;

	@Autowired
	JsonMapper json;

	record Setup(MailingList list, MailingList other, String member, long subscriberId, long campaign) {
	}

	Setup setup() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		MailingList other = newList("INFORMATIONAL");
		String member = "ada@" + list.slug() + ".example.org";
		members.add(list.slug(), member, "Ada", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		long subscriberId = jdbc.sql("select id from subscribers where email = :e").param("e", member)
			.query(Long.class).single();
		String created = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("list", list.slug(), "subject", "Links", "body", BODY))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return new Setup(list, other, member, subscriberId, json.readTree(created).get("id").asLong());
	}

	@Test
	void aPreviewAsAMemberShowsTheirNameButNoLinkThatActsForThem() throws Exception {
		Setup s = setup();
		MvcResult api = mvc.perform(post("/api/campaigns/" + s.campaign() + "/preview")
			.with(httpBasic(STAFF, STAFF_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + s.member() + "\"}")).andExpect(status().isOk()).andReturn();
		JsonNode preview = json.readTree(api.getResponse().getContentAsString());
		List<String> seen = new ArrayList<>();
		seen.add(preview.get("html").asString());
		seen.add(preview.get("text").asString());
		for (String frame : List.of("preview.html", "preview.txt")) {
			seen.add(mvc.perform(get("/admin/campaigns/" + s.campaign() + "/" + frame).param("email", s.member())
				.with(user(STAFF).roles("STAFF"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString());
		}
		seen.add(mvc.perform(post("/admin/campaigns/" + s.campaign() + "/preview-draft").param("email", s.member())
			.param("subject", "Links").param("body", BODY).param("layout", "newsletter").param("format", "markdown")
			.with(user(STAFF).roles("STAFF")).with(org.springframework.security.test.web.servlet.request
				.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		assertThat(String.join("\n", seen)).contains("Dear Ada,");
		assertNoneActsForTheMember(s, urls(seen));
	}

	@Test
	void aTestSendToAMembersAddressCarriesNoLinkThatActsForThem() throws Exception {
		Setup s = setup();
		// rendered as that member ("as"): their name, never their links
		mvc.perform(post("/api/campaigns/" + s.campaign() + "/test").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":[\"" + s.member() + "\"],\"as\":\"" + s.member() + "\"}"))
			.andExpect(status().isAccepted());
		MimeMessage m = awaitMail(s.member(), 1).get(0);
		Multipart parts = (Multipart) m.getContent();
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < parts.getCount(); i++) {
			seen.add(parts.getBodyPart(i).getContent().toString());
		}
		seen.add(MimeUtility.unfold(m.getHeader("List-Unsubscribe")[0]));

		assertThat(seen.get(0)).contains("Dear Ada,");
		assertNoneActsForTheMember(s, urls(seen));
	}

	@Test
	void theWebVersionCarriesNoLinkThatActsForAnyone() throws Exception {
		Setup s = setup();
		jdbc.sql("update campaigns set status = 'SENT' where id = :id").param("id", s.campaign()).update();
		String page = mvc.perform(get("/archive/" + s.list().slug() + "/" + s.campaign())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertNoneActsForTheMember(s, urls(List.of(page)));
	}

	private static Set<String> urls(List<String> texts) {
		Set<String> urls = new LinkedHashSet<>();
		for (String t : texts) {
			Matcher m = URL.matcher(t.replace("&amp;", "&"));
			while (m.find()) {
				urls.add(m.group().replaceAll("[.,;]+$", ""));
			}
		}
		return urls;
	}

	/**
	 * Uses each of our URLs anonymously in every way a member's link is used, then checks that the member is
	 * as before, and that the links standing for the personal ones say what they would do.
	 */
	private void assertNoneActsForTheMember(Setup s, Set<String> urls) throws Exception {
		long ledgerBefore = ledgerRows(s.subscriberId());
		List<String> ours = urls.stream().filter(u -> u.startsWith(BASE + "/")).map(u -> u.substring(BASE.length()))
			.toList();
		assertThat(ours).as("our links in the message").isNotEmpty();
		List<String> pages = new ArrayList<>();
		for (String path : ours) {
			pages.add(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
			mvc.perform(post(path).param("List-Unsubscribe", "One-Click"));
			mvc.perform(post(path).param("all", "true"));
			mvc.perform(post(path + "/leave-all"));
			mvc.perform(post(path + "/join").param("slug", s.other().slug()));
			mvc.perform(post(path + "/leave").param("slug", s.list().slug()));
		}

		assertThat(membership(s.list(), s.member())).isEqualTo("ACTIVE");
		assertThat(membership(s.other(), s.member())).isNull();
		assertThat(ledgerRows(s.subscriberId())).isEqualTo(ledgerBefore);
		assertThat(String.join("\n", pages))
			.contains("In the real message this link unsubscribes the member from " + s.list().name())
			.contains("In the real message this link opens the member")
			.contains("preference page");
	}

	private String membership(MailingList list, String email) {
		return jdbc.sql("""
				select m.status from memberships m join subscribers s on s.id = m.subscriber_id
				where m.list_id = :l and s.email = :e
				""").param("l", list.id()).param("e", email).query(String.class).optional().orElse(null);
	}

	private long ledgerRows(long subscriberId) {
		return jdbc.sql("select count(*) from consent_events where subscriber_id = :s").param("s", subscriberId)
			.query(Long.class).single();
	}

}
