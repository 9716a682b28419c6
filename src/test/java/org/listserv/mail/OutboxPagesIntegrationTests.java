package org.listserv.mail;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.SubscriptionService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

class OutboxPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JavaMailSenderImpl relay;

	@Autowired
	OutboxSender sender;

	@Autowired
	SubscriptionService subscriptions;

	long campaign(MailingList list) throws Exception {
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"Relay check\",\"body\":\"Dear {{subscriber.name}},\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
	}

	long outboxId(String to) {
		return jdbc.sql("select id from outbox where to_address = :to").param("to", to).query(Long.class).single();
	}

	@Test
	void aTestSendWhileTheRelayIsDownShowsRetryingWithTheErrorNeverSentAndSentOnceItIsBack() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String to = "relay-down@" + list.slug() + ".example.org";
		long campaign = campaign(list);
		int port = relay.getPort();
		int closed;
		try (ServerSocket s = new ServerSocket(0)) {
			closed = s.getLocalPort();
		}
		relay.setPort(closed);
		try {
			mvc.perform(post("/admin/campaigns/" + campaign + "/test").with(user(STAFF).roles("STAFF")).with(csrf())
				.param("to", to))
				.andExpect(flash().attribute("notice", allOf(containsString("Test queued for " + to),
						not(containsString("sent to")))));
			long id = outboxId(to);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
					"select state from outbox where id = :id").param("id", id).query(String.class).single())
				.isEqualTo("RETRYING"));
			mvc.perform(get("/admin/outbox/" + id).with(user(STAFF).roles("STAFF")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString(">retrying<"), containsString("not sent yet: "),
						containsString("Connection refused"), containsString("next attempt at"),
						not(containsString(">sent<")), not(containsString("handed to the mail relay")))));
			mvc.perform(get("/admin/outbox").param("state", "RETRYING").with(user(ADMIN).roles("ADMIN")))
				.andExpect(content().string(allOf(containsString("id=\"outbox-" + id + "\""), containsString("Test send"),
						containsString("[TEST] Relay check"))));
			mvc.perform(get("/api/outbox/" + id).with(httpBasic(STAFF, STAFF_PASSWORD)))
				.andExpect(jsonPath("$.state").value("RETRYING"))
				.andExpect(jsonPath("$.lastError").value(containsString("Connection refused")))
				.andExpect(jsonPath("$.nextAttemptAt").isNotEmpty());
		}
		finally {
			relay.setPort(port);
		}
		long id = outboxId(to);
		jdbc.sql("update outbox set next_attempt_at = now() where id = :id").param("id", id).update();
		sender.wakeUp();
		awaitMail(to, 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(get("/admin/outbox/" + id)
			.with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(allOf(containsString(">sent<"), containsString("handed to the mail relay")))));
	}

	@Test
	void staffSeeOnlyTestSendsAdminsEverythingFilteredByState() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String subscriber = "joiner@" + list.slug() + ".example.org";
		subscriptions.requestSubscription(list.slug(), subscriber, "", Actor.anonymous(ConsentSource.WEB_FORM, "127.0.0.1", null));
		long notice = outboxId(subscriber);
		mvc.perform(get("/admin/outbox/" + notice).with(user(STAFF).roles("STAFF"))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/outbox").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(subscriber))));
		mvc.perform(get("/admin/outbox").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(allOf(containsString(subscriber), containsString("Confirmation request"))));
		mvc.perform(get("/admin/outbox").param("state", "FAILED").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(not(containsString(subscriber))));
		mvc.perform(get("/api/outbox").param("state", "nonsense").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("state"));
		mvc.perform(get("/admin/outbox")).andExpect(status().isFound());
	}

}
