package org.listserv.sending;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Not part of {@code verify} (the name does not end in Tests): a personalised campaign to
 * {@code -Dbench.members} (default 20000) members through the whole job to a local SMTP sink that only
 * accepts. Run with {@code bench/send-benchmark.sh}.
 */
class SendBenchmark extends IntegrationTest {

	static final FakeSmtpServer sink = FakeSmtpServer.startOrFail();

	@DynamicPropertySource
	static void relay(DynamicPropertyRegistry registry) {
		sink.registerAsRelay(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void send() throws Exception {
		int n = Integer.getInteger("bench.members", 20000);
		for (int run = 1; run <= Integer.getInteger("bench.runs", 3); run++) {
			MailingList list = newList("INFORMATIONAL");
			jdbc.sql("""
					with s as (insert into subscribers (email, name)
					  select 'b' || g || '@' || :domain, 'Member ' || g from generate_series(1, :n) g returning id)
					insert into memberships (list_id, subscriber_id, status, subscribed_at)
					select :list, id, 'ACTIVE', now() from s
					""").param("domain", list.slug() + ".example.org").param("n", n).param("list", list.id()).update();
			String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"Benchmark\",\"body\":"
						+ "\"Dear {{subscriber.name}},\\n\\nRead [the report](https://example.org/report).\"}"))
				.andReturn().getResponse().getContentAsString();
			long id = Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
			int before = sink.accepted.size();
			long start = System.nanoTime();
			mvc.perform(post("/api/campaigns/" + id + "/send").with(httpBasic(STAFF, STAFF_PASSWORD)));
			// polled every 20 ms, the precision of the figure; a send that fails ends the run instead of hanging it
			await().atMost(Duration.ofHours(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
				CampaignStatus status = campaigns.get(id).status();
				if (EnumSet.of(CampaignStatus.FAILED, CampaignStatus.CANCELLED).contains(status)) {
					throw new IllegalStateException("The benchmark's campaign ended " + status);
				}
				return status == CampaignStatus.SENT;
			});
			double seconds = (System.nanoTime() - start) / 1e9;
			int sent = sink.accepted.size() - before;
			System.out.printf("BENCH run %d: %d messages in %.2f s = %.0f messages/s (heap max %d MB)%n", run, sent,
					seconds, sent / seconds, Runtime.getRuntime().maxMemory() >> 20);
		}
	}

}
