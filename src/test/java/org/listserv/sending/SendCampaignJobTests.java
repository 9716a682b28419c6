package org.listserv.sending;

import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;
import org.listserv.mail.SmtpConnection;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SendCampaignJobTests extends SendingIntegrationTest {






	@Test
	void sendsExactlyOneMessageToEachOfTwoThousandMembersWithVerpAndListHeaders() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "m", 2000);
		long id = campaign(list);
		mvc.perform(post("/api/campaigns/" + id + "/send").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isAccepted());
		awaitStatus(id, CampaignStatus.SENT);

		List<MimeMessage> received = mailToDomain(list);
		assertThat(received).hasSize(2000);
		assertThat(received.stream().map(SendCampaignJobTests::to).distinct()).hasSize(2000);
		MimeMessage m = received.get(0);
		String token = jdbc.sql("select verp_token from deliveries where campaign_id = :c and lower(address) = :a")
			.param("c", id).param("a", to(m)).query(String.class).single();
		assertThat(m.getHeader("Return-Path")[0]).isEqualTo("<" + list.slug() + "-bounces+" + token + "@lists.example.org>");
		assertThat(m.getHeader("List-Id")[0]).contains("<" + list.slug() + ".lists.example.org>");
		assertThat(m.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe/");
		assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(m.getHeader("List-Archive")[0]).isEqualTo("<http://localhost:8080/archive/" + list.slug() + ">");
		assertThat(m.getHeader("Precedence")[0]).isEqualTo("bulk");
		assertThat(m.getHeader("Feedback-ID")[0]).startsWith(id + ":" + list.slug());
		assertThat(m.getHeader("Message-ID")[0]).endsWith("@lists.example.org>");
		assertThat(m.getHeader("Date")).isNotNull();
		assertThat(m.getFrom()[0].toString()).contains("@");
		assertThat(body(m)).contains("Dear Member ");
		assertThat(deliveries.counts(id).sent()).isEqualTo(2000);
		mvc.perform(get("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(jsonPath("$.status").value("SENT"))
			.andExpect(jsonPath("$.subject").value("Hello members"))
			.andExpect(jsonPath("$.progress.total").value(2000))
			.andExpect(jsonPath("$.progress.sent").value(2000))
			.andExpect(jsonPath("$.progress.percent").value(100));
	}

	@Test
	void aCrashBeforeTheChunkCommitsResendsOnlyThatChunkAndSkipsNobody() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "c", 500);
		long id = queuedCampaign(list);
		try (FakeSmtpServer sink = new FakeSmtpServer()) {
			// the first chunk goes out to SMTP, then the process "dies" before its transaction commits
			DeliveryWriter writer = writerTo(sink);
			DeliveryRenderer renderer = renderer(id);
			try {
				tx.executeWithoutResult(s -> {
					List<RenderedDelivery> chunk = deliveries.nextDue(id, 0, 100).stream().map(renderer::process).toList();
					writer.write(new org.springframework.batch.infrastructure.item.Chunk<>(chunk));
					throw new IllegalStateException("killed");
				});
			}
			catch (IllegalStateException expected) {
			}
			assertThat(sink.accepted).hasSize(100);
		}
		assertThat(deliveries.counts(id).queued()).isEqualTo(500);
		assertThat(sending.run(id)).isEqualTo(BatchStatus.COMPLETED);
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.SENT);
		List<MimeMessage> received = mailToDomain(list);
		assertThat(received).hasSize(500);
		assertThat(received.stream().map(SendCampaignJobTests::to).distinct()).hasSize(500);
		assertThat(deliveries.counts(id).sent()).isEqualTo(500);
	}

	@Test
	void a451OrADroppedConnectionDefersAndTheRetryDeliversWhileA550FailsWithTheReplyText() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "later", 3);
		addMembers(list, "drop", 2);
		addMembers(list, "reject", 2);
		addMembers(list, "ok", 5);
		long id = queuedCampaign(list);
		try (FakeSmtpServer sink = new FakeSmtpServer()) {
			DeliveryWriter writer = writerTo(sink);
			DeliveryRenderer renderer = renderer(id);
			sendNextChunk(writer, renderer, id, 100);
			assertThat(sink.accepted).hasSize(5);
		}
		Deliveries.Counts counts = deliveries.counts(id);
		assertThat(counts.sent()).isEqualTo(5);
		assertThat(counts.deferred()).isEqualTo(5);
		assertThat(counts.failed()).isEqualTo(2);
		assertThat(jdbc.sql("select smtp_reply from deliveries where campaign_id = :c and status = 'FAILED'")
			.param("c", id).query(String.class).list()).allMatch(r -> r.startsWith("550") && r.contains("No such user"));
		assertThat(jdbc.sql("select count(*) from deliveries where campaign_id = :c and status = 'DEFERRED'"
				+ " and next_attempt_at > now() + interval '4 minutes' and smtp_reply like '451%'")
			.param("c", id).query(Long.class).single()).isEqualTo(3);

		// the retry time comes; the retry run goes to the default relay (GreenMail), which accepts them
		jdbc.sql("update deliveries set next_attempt_at = now() where campaign_id = :c and status = 'DEFERRED'")
			.param("c", id).update();
		assertThat(sending.run(id)).isEqualTo(BatchStatus.COMPLETED);
		assertThat(deliveries.counts(id).sent()).isEqualTo(10);
		assertThat(deliveries.counts(id).failed()).isEqualTo(2);
		assertThat(mailToDomain(list)).hasSize(5);
		assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.SENT);
	}

	@Test
	void aSinkThatDefersTenPercentAndDropsConnectionsGetsEveryoneInTheEndAnd550sFail() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "member", 1000);
		addMembers(list, "reject", 10);
		long id = queuedCampaign(list);
		try (FakeSmtpServer sink = new FakeSmtpServer()) {
			sink.randomFaults(42, 0.10, 0.02);
			DeliveryWriter writer = writerTo(sink);
			DeliveryRenderer renderer = renderer(id);
			for (int round = 0; round < 100 && deliveries.counts(id).sent() + deliveries.counts(id).failed() < 1010;
					round++) {
				jdbc.sql("update deliveries set next_attempt_at = now() where campaign_id = :c and status = 'DEFERRED'")
					.param("c", id).update();
				sendNextChunk(writer, renderer, id, 200);
			}
			Deliveries.Counts counts = deliveries.counts(id);
			assertThat(counts.sent()).isEqualTo(1000);
			assertThat(counts.failed()).isEqualTo(10);
			assertThat(counts.deferred()).isZero();
			assertThat(new java.util.HashSet<>(sink.accepted)).hasSize(1000);
			assertThat(sink.accepted).as("a refused or dropped RCPT delivers nothing, so nobody gets two").hasSize(1000);
			assertThat(jdbc.sql("select count(*) from deliveries where campaign_id = :c and attempts > 1")
				.param("c", id).query(Long.class).single()).as("the faults really happened").isGreaterThan(50);
		}
	}

	@Test
	void anExpiredAlertIsNotSent() throws Exception {
		MailingList list = newList("ACTION");
		addMembers(list, "x", 4);
		long id = campaign(list);
		sending.start(id);
		jdbc.sql("update campaigns set expires_at = now() - interval '1 minute' where id = :id").param("id", id).update();
		assertThat(sending.run(id)).isEqualTo(BatchStatus.COMPLETED);
		assertThat(deliveries.counts(id).expired()).isEqualTo(4);
		assertThat(mailToDomain(list)).isEmpty();
	}

	@Test
	void sendingACampaignWithChecklistErrorsIs422AndPauseOfADraftIs409() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		long id = campaign(list);
		mvc.perform(post("/api/campaigns/" + id + "/send").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.checklist.ready").value(false));
		mvc.perform(post("/api/campaigns/" + id + "/pause").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isConflict());
	}

	@Test
	void commandLineExitCodes() throws Exception {
		assertThat(SendCampaignCommand.run(Object.class, new String[] { "send-campaign" })).isEqualTo(2);
		assertThat(SendCampaignCommand.run(Object.class, new String[] { "send-campaign", "--id", "x" })).isEqualTo(2);
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "cli", 3);
		long id = campaign(list);
		assertThat(SendCampaignCommand.sendAndWait(sending, id)).isEqualTo(BatchStatus.COMPLETED);
		assertThat(mailToDomain(list)).hasSize(3);
		long cancelled = campaign(list);
		sending.cancel(cancelled);
		assertThat(SendCampaignCommand.sendAndWait(sending, cancelled)).isEqualTo(BatchStatus.FAILED);
	}

}
