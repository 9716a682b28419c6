package org.listserv.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InboundPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	InboundMessages messages;

	@Autowired
	ConfigurableApplicationContext context;

	MailingList list;

	@BeforeEach
	void setUp() {
		TestInboundHandler.register(context);
		list = newList("ACTION");
	}

	@AfterEach
	void tearDown() {
		TestInboundHandler.unregister(context);
	}

	private long stored(String raw, InboundState state, String note) {
		byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
		return messages.insert(InboundSource.SMTP, "", list.slug() + "-owner@lists.example.org", MessageSummary.of(bytes),
				bytes, state, note);
	}

	@Test
	void pagesNeedALogin() throws Exception {
		mvc.perform(get("/admin/inbound")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/inbound")).andExpect(status().isUnauthorized());
	}

	@Test
	void staffSeeTheMessagesFilteredByStateWithTheirNotes() throws Exception {
		stored("Subject: =?UTF-8?Q?Caf=C3=A9?= " + list.slug() + "\r\n\r\nHi\r\n", InboundState.FAILED, "it broke");
		mvc.perform(get("/admin/inbound").param("state", "failed").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Café " + list.slug())))
			.andExpect(content().string(containsString("it broke")))
			.andExpect(content().string(containsString("&lt;&gt;")));
		mvc.perform(get("/admin/inbound").param("state", "HANDLED").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(not(containsString("Café " + list.slug()))));
		mvc.perform(get("/admin/inbound").param("state", "LOST").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aMessagePageShowsHeadersTextAndEscapesWhatTheSenderWrote() throws Exception {
		long id = stored("From: <script>alert(1)</script> <x@example.org>\r\nSubject: Look\r\n"
				+ "X-Folded: one\r\n two\r\n\r\nThe <b>text</b>.\r\n", InboundState.HELD, "waits");
		mvc.perform(get("/admin/inbound/" + id).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("X-Folded")))
			.andExpect(content().string(containsString("one two")))
			.andExpect(content().string(containsString("The &lt;b&gt;text&lt;/b&gt;.")))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Autowired
	org.listserv.subscriptions.SubscriptionLinks links;

	@Test
	void aReplyQuotingAMembersLinksShowsStaffNoTokenThatActsForThem() throws Exception {
		String unsubscribe = links.unsubscribeUrl(41, list.id());
		String preferences = links.preferencesUrl(41);
		String confirm = "abcdefghijklmnopqrstuvwxyz234567";
		String raw = "From: Member <member@example.org>\r\nTo: " + list.slug() + "-confirm+" + confirm
				+ "@lists.example.org\r\nSubject: Re: Please confirm: join\r\n\r\nYes please.\r\n"
				+ "> Confirm: http://localhost:8080/confirm/" + confirm + "\r\n> Leave: " + unsubscribe
				+ "\r\n> Settings: " + preferences + "\r\n";
		byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
		long id = messages.insert(InboundSource.SMTP, "member@example.org",
				list.slug() + "-confirm+" + confirm + "@lists.example.org", MessageSummary.of(bytes), bytes,
				InboundState.HELD, "waits");
		String unsubscribeToken = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1);
		String preferencesToken = preferences.substring(preferences.lastIndexOf('/') + 1);

		for (String page : new String[] { "/admin/inbound/" + id, "/admin/inbound" }) {
			mvc.perform(get(page).with(user(ADMIN).roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("[personal token removed]")))
				.andExpect(content().string(not(containsString(confirm))))
				.andExpect(content().string(not(containsString(unsubscribeToken))))
				.andExpect(content().string(not(containsString(preferencesToken))));
		}
		mvc.perform(get("/admin/inbound/" + id).with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("Yes please.")))
			.andExpect(content().string(not(containsString(unsubscribeToken))));
		mvc.perform(get("/api/inbound/" + id).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.recipient").value(list.slug() + "-confirm+[personal token removed]@lists.example.org"));
		mvc.perform(get("/admin/inbound/" + id + "/raw").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().bytes(bytes));
	}

	/** A multipart/mixed whose first part is text and whose second part nests {@code depth} multiparts. */
	static String nested(int depth) {
		StringBuilder sb = new StringBuilder("From: deep@example.org\r\nSubject: Deep\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n--b0\r\nContent-Type: text/plain\r\n\r\n"
				+ "Visible at the top.\r\n");
		for (int i = 0; i < depth; i++) {
			sb.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
				.append("\"\r\n\r\n");
		}
		sb.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nAt the bottom.\r\n--b").append(depth)
			.append("--\r\n");
		for (int i = depth - 1; i >= 0; i--) {
			sb.append("--b").append(i).append("--\r\n");
		}
		return sb.toString();
	}

	@Test
	void aMessageNestedTenThousandMultipartsDeepShowsWhatCanBeShownWithANote() throws Exception {
		long id = stored(nested(10_000), InboundState.HELD, "waits");
		mvc.perform(get("/admin/inbound/" + id).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Visible at the top.")))
			.andExpect(content().string(containsString("nested more than 40 levels deep")));
		long shallow = stored(nested(3), InboundState.HELD, "waits");
		mvc.perform(get("/admin/inbound/" + shallow).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Visible at the top.")))
			.andExpect(content().string(not(containsString("levels deep"))));
	}

	@Test
	void aMalformedMessageShowsWhyAndItsRawBytes() throws Exception {
		long id = stored("\r\nno header here\r\n", InboundState.FAILED, "Malformed message: The message has no header");
		mvc.perform(get("/admin/inbound/" + id).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This message cannot be parsed")))
			.andExpect(content().string(containsString("no header here")))
			.andExpect(content().string(containsString("Process again")));
		mvc.perform(get("/admin/inbound/" + id + "/raw").with(user(ADMIN).roles("ADMIN")))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"message-" + id + ".eml\""))
			.andExpect(content().bytes("\r\nno header here\r\n".getBytes(StandardCharsets.US_ASCII)));
		mvc.perform(get("/admin/inbound/999999999").with(user(ADMIN).roles("ADMIN"))).andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsRetryAndTheMessageIsProcessedAgain() throws Exception {
		long id = stored("Subject: retry me\r\n\r\nHi\r\n", InboundState.FAILED, "database was down");
		mvc.perform(post("/admin/inbound/" + id + "/retry").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isForbidden());
		// received mail is every list's (and bounces, and replies to staff): admins only since per-list roles
		mvc.perform(get("/admin/inbound").with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/inbound/" + id).with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		assertThat(messages.find(id).orElseThrow().state()).isEqualTo(InboundState.FAILED);
		mvc.perform(post("/admin/inbound/" + id + "/retry").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/inbound/" + id))
			.andExpect(flash().attribute("notice", "Message #" + id + " is back in line for processing"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messages.find(id).orElseThrow().state() == InboundState.HANDLED);
		mvc.perform(post("/admin/inbound/" + id + "/retry").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("error", "Only a FAILED or HELD message can be retried; #" + id + " is HANDLED"));
	}

	@Test
	void theApiPagesMessagesForAdminsOnly() throws Exception {
		ensureStaff();
		long id = stored("Subject: api " + list.slug() + "\r\n\r\nHi\r\n", InboundState.HELD, "no handler for X yet");
		mvc.perform(get("/api/inbound").param("state", "HELD").param("size", "5").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(5))
			.andExpect(jsonPath("$.content[0].id").value(id))
			.andExpect(jsonPath("$.content[0].state").value("HELD"))
			.andExpect(jsonPath("$.content[0].subject").value("api " + list.slug()))
			.andExpect(jsonPath("$.content[0].raw").doesNotExist());
		mvc.perform(get("/api/inbound").with(httpBasic(STAFF, STAFF_PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/inbound").param("state", "nope").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("state"));
		mvc.perform(get("/api/inbound").param("size", "501").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
		mvc.perform(post("/api/inbound/" + id + "/retry").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RECEIVED"));
		mvc.perform(get("/api/inbound/999999999").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNotFound());
	}

}
