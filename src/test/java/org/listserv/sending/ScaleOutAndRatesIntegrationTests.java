package org.listserv.sending;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.listserv.ListservApplication;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sending with several instances on one database, the sending rates, and pausing or cancelling a send while
 * it runs. Mail goes to {@link FakeSmtpServer}, stalled where a test needs to catch a send in flight. No
 * assertion here depends on how fast the machine is: how fast a rate sends is measured by
 * {@code bench/global-rate.sh} ({@link GlobalRateBenchmark}).
 */
class ScaleOutAndRatesIntegrationTests extends SendingIntegrationTest {

	static final FakeSmtpServer sink = FakeSmtpServer.startOrFail();

	@DynamicPropertySource
	static void relay(DynamicPropertyRegistry registry) {
		sink.registerAsRelay(registry);
		registry.add("listserv.sending.partition-size", () -> "50");
		registry.add("listserv.sending.join-interval", () -> "500ms");
	}



	@Autowired
	SendRates rates;


	@AfterEach
	void reset() {
		sink.open();
		rates.all().forEach(r -> rates.remove(r.domain()));
		throttle.refresh();
	}

	@Test
	void twoInstancesOnOneDatabaseSendEachRecipientExactlyOnceAndBothTakePart() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "two", 2000);
		long id = campaign(list);
		// the relay stalls: the first instance is stuck on its first messages until the second has joined
		sink.admit(0);
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ListservApplication.class)
			.profiles("test")
			// arguments, not default properties: those lose to batch-jobs/send-campaign/job.properties
			.run("--server.port=0", "--listserv.sending.instance-id=second", "--listserv.sending.relays[0].host=127.0.0.1",
					"--listserv.sending.relays[0].port=" + sink.port(), "--listserv.sending.join-interval=200ms",
					"--spring.mail.port=" + smtp.getSmtp().getPort())) {
			int before = sink.accepted.size();
			sending.send(id);
			// one instance's send holds at most workers x connections (2 x 4) messages at the stalled relay; more
			// waiting there means that the second instance has claimed ranges and is sending too (its claims are
			// not committed before its chunk is, so the ledger cannot show them yet)
			await("the second instance to send as well").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(50)).until(() -> sink.held() > 2 * 4);
			sink.open();
			awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(180));
			List<String> received = sink.accepted.subList(before, sink.accepted.size())
				.stream()
				.filter(a -> a.endsWith("@" + list.slug() + ".example.org"))
				.toList();
			assertThat(received).hasSize(2000);
			assertThat(received.stream().distinct()).hasSize(2000);
			Map<String, Long> bySender = jdbc.sql("select sent_by from deliveries where campaign_id = :c")
				.param("c", id)
				.query(String.class)
				.list()
				.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(bySender).as("messages sent per instance").containsKey("second").hasSize(2);
			assertThat(bySender.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2000);
			assertThat(deliveries.counts(id).sent()).isEqualTo(2000);
		}
	}

	@Test
	void aDomainRateSendsItsBurstAndPutsTheRestOffWithoutCountingAnAttempt() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "slow", 20);
		jdbc.sql("""
				with s as (insert into subscribers (email, name)
				  select 'fast' || g || '@other-' || :slug || '.example.net', 'Fast ' || g from generate_series(1, 30) g
				  returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at) select :list, id, 'ACTIVE', now() from s
				""").param("slug", list.slug()).param("list", list.id()).update();
		String slowDomain = list.slug() + ".example.org";
		rates.set(slowDomain, 0.01, 3.0, "test");
		throttle.refresh();
		long id = campaign(list);
		sending.start(id);
		assertThat(sending.run(id)).isEqualTo(BatchStatus.COMPLETED);
		assertThat(campaigns.get(id).status()).as("still deliveries to send").isEqualTo(CampaignStatus.SENDING);
		Map<String, Long> byStatus = jdbc.sql("""
				select split_part(address, '@', 2) || ':' || status || ':' || attempts as k, count(*) as n
				from deliveries where campaign_id = :c group by 1
				""").param("c", id).query((rs, i) -> Map.entry(rs.getString("k"), rs.getLong("n"))).list()
			.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(byStatus).containsEntry(slowDomain + ":SENT:1", 3L)
			.containsEntry(slowDomain + ":DEFERRED:0", 17L)
			.containsEntry("other-" + list.slug() + ".example.net:SENT:1", 30L);
		assertThat(jdbc.sql("select distinct smtp_reply from deliveries where campaign_id = :c and status = 'DEFERRED'")
			.param("c", id).query(String.class).list()).singleElement().asString().startsWith("throttled: " + slowDomain);
		// the admin lifts the limit; the next round sends the rest, each once
		mvc.perform(delete("/api/sending/rates/" + slowDomain).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNoContent());
		jdbc.sql("update deliveries set next_attempt_at = now() where campaign_id = :c and status = 'DEFERRED'")
			.param("c", id).update();
		assertThat(sending.run(id)).isEqualTo(BatchStatus.COMPLETED);
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.SENT);
		assertThat(deliveries.counts(id).sent()).isEqualTo(50);
		assertThat(sink.accepted.stream().filter(a -> a.endsWith("@" + slowDomain))).hasSize(20).doesNotHaveDuplicates();
	}

	@Test
	void theGlobalRateMakesEveryMessageTakeATokenFromTheSharedBucket() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "g", 40);
		rates.set(SendRates.GLOBAL, 20, 1.0, "test");
		throttle.refresh();
		long id = campaign(list);
		sending.start(id);
		assertThat(sending.run(id)).isEqualTo(BatchStatus.COMPLETED);
		assertThat(deliveries.counts(id).sent()).isEqualTo(40);
		assertThat(sink.accepted.stream().filter(a -> a.endsWith("@" + list.slug() + ".example.org")))
			.hasSize(40).doesNotHaveDuplicates();
		// the bucket started full (one token); every draw leaves it at most its burst less what was drawn, so a
		// send that drew no token would have left it at 1
		assertThat(jdbc.sql("select tokens from send_rate_limits where domain = '*'").query(Double.class).single())
			.isLessThanOrEqualTo(0.0);
	}

	@Test
	void ratesAreForAdminsAndBadOnesAreRefused() throws Exception {
		mvc.perform(put("/api/sending/rates/gmail.com").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"perSecond\":20}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.domain").value("gmail.com"))
			.andExpect(jsonPath("$.burst").value(20.0));
		mvc.perform(put("/api/sending/rates/global").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"perSecond\":500,\"burst\":100}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.domain").value("*"));
		mvc.perform(get("/api/sending/rates").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].domain").value("*"))
			.andExpect(jsonPath("$[1].domain").value("gmail.com"));
		mvc.perform(get("/api/sending/rates").with(httpBasic(STAFF, STAFF_PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(put("/api/sending/rates/gmail.com").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"perSecond\":1}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/sending/rates/bad domain!").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"perSecond\":1}")).andExpect(status().isBadRequest());
		mvc.perform(put("/api/sending/rates/gmail.com").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"perSecond\":-3}")).andExpect(status().isBadRequest());
		mvc.perform(put("/api/sending/rates/gmail.com").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
		mvc.perform(delete("/api/sending/rates/nobody.example").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNotFound());
		assertThat(rates.find("gmail.com")).get().extracting(SendRates.Rate::perSecond).isEqualTo(20.0);
	}

	@Test
	void pausingMidSendStopsItAndResumingSendsTheRestOnce() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		int before = sink.accepted.size();
		long id = stalledSendOfThreeThousand(list, "p");
		sending.pause(id);
		sink.open();
		awaitStopped(id);
		long sentWhenPaused = deliveries.counts(id).sent();
		assertThat(sentWhenPaused).isBetween(100L, 2999L);
		assertThat(deliveries.counts(id).queued()).isEqualTo(3000 - sentWhenPaused);
		assertThroughout(Duration.ofMillis(500),
				() -> assertThat(deliveries.counts(id).sent()).as("nothing goes out while paused").isEqualTo(sentWhenPaused));
		sending.resume(id);
		awaitStatus(id, CampaignStatus.SENT);
		List<String> received = sink.accepted.subList(before, sink.accepted.size())
			.stream().filter(a -> a.endsWith("@" + list.slug() + ".example.org")).toList();
		assertThat(received).hasSize(3000).doesNotHaveDuplicates();
	}

	@Test
	void cancellingMidSendStopsForGood() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		long id = stalledSendOfThreeThousand(list, "x");
		sending.cancel(id);
		sink.open();
		awaitStopped(id);
		long sent = deliveries.counts(id).sent();
		assertThat(sent).isBetween(100L, 2999L);
		assertThroughout(Duration.ofSeconds(1), () -> {
			assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.CANCELLED);
			assertThat(deliveries.counts(id).sent()).isEqualTo(sent);
			assertThat(deliveries.counts(id).queued()).isEqualTo(3000 - sent);
		});
	}

	/** Waits until the sink has accepted {@code accepted} messages in all and holds the next ones: a send in flight. */
	/** A send to 3,000 new members of the list, held by the sink after it accepted 100 of them. */
	private long stalledSendOfThreeThousand(MailingList list, String prefix) throws Exception {
		addMembers(list, prefix, 3000);
		long id = campaign(list);
		sink.admit(100);
		int before = sink.accepted.size();
		sending.send(id);
		awaitStalledAfter(before + 100);
		return id;
	}

	private void awaitStalledAfter(int accepted) {
		await("the send to stall at the relay").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> sink.accepted.size() >= accepted && sink.held() > 0);
	}

	private void awaitStopped(long id) {
		await("the send job to stop").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20)).until(() -> !sending.isRunning(id));
	}

}
