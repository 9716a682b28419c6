package org.listserv.sending;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.listserv.bounces.ProcessBounces;
import org.listserv.lists.MailingList;
import org.listserv.mail.SmtpConnection;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 550 the send job gets at RCPT becomes a hard bounce event of that member, with the reply as evidence,
 * once: the process-bounces job marks the delivery as recorded.
 */
class SyncBounceIntegrationTests extends SendingIntegrationTest {









	@Autowired
	ProcessBounces processBounces;



	@Test
	void a550FromTheSendJobBecomesAHardBounceOnce() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "ok", 2);
		addMembers(list, "reject", 1);
		long id = queuedCampaign(list);
		try (FakeSmtpServer sink = new FakeSmtpServer()) {
			sendNextChunk(writerTo(sink), renderer(id), id, 100);
		}
		assertThat(deliveries.counts(id).failed()).isEqualTo(1);

		assertThat(processBounces.run()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> events = jdbc.sql("""
				select e.source, e.classification, e.reply_code, e.status, e.diagnostic, e.recipient, e.campaign_id,
				       e.counted, d.bounce_recorded_at
				  from bounce_events e join deliveries d on d.id = e.delivery_id
				 where e.list_id = :l
				""").param("l", list.id()).query().listOfRows();
		assertThat(events).hasSize(1);
		Map<String, Object> e = events.get(0);
		assertThat(e.get("source")).isEqualTo("SYNC");
		assertThat(e.get("classification")).isEqualTo("HARD");
		assertThat(e.get("reply_code")).isEqualTo(550);
		assertThat(e.get("status")).isEqualTo("5.1.1");
		assertThat((String) e.get("diagnostic")).contains("No such user here");
		assertThat(e.get("recipient")).isEqualTo("reject1@" + list.slug() + ".example.org");
		assertThat(e.get("campaign_id")).isEqualTo(id);
		assertThat(e.get("counted")).isEqualTo(true);
		assertThat(e.get("bounce_recorded_at")).isNotNull();
		assertThat(jdbc.sql("""
				select m.bounce_score from memberships m join subscribers s on s.id = m.subscriber_id
				 where m.list_id = :l and s.email = :e
				""").param("l", list.id()).param("e", "reject1@" + list.slug() + ".example.org")
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1");

		assertThat(processBounces.run()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.sql("select count(*) from bounce_events where list_id = :l").param("l", list.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theCommandARefusalAnsweredDecides() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "nouser", 1);
		addMembers(list, "spam", 1);
		long id = queuedCampaign(list);
		try (FakeSmtpServer sink = new FakeSmtpServer()) {
			sendNextChunk(writerTo(sink), renderer(id), id, 100);
		}
		assertThat(jdbc.sql("select address || ' ' || smtp_stage from deliveries where campaign_id = :c order by address")
			.param("c", id).query(String.class).list()).containsExactly("nouser1@" + list.slug() + ".example.org RCPT",
					"spam1@" + list.slug() + ".example.org DATA");
		assertThat(processBounces.run()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, String> byRecipient = new java.util.HashMap<>();
		jdbc.sql("select recipient, classification || ' ' || reason as c from bounce_events where list_id = :l")
			.param("l", list.id())
			.query((rs, n) -> byRecipient.put(rs.getString("recipient"), rs.getString("c")))
			.list();
		// "550 no such user" answering RCPT is the address; a 554 after the data is the content
		assertThat(byRecipient).containsEntry("nouser1@" + list.slug() + ".example.org", "HARD userunknown");
		assertThat(byRecipient.get("spam1@" + list.slug() + ".example.org")).startsWith("SOFT ");
	}

}
