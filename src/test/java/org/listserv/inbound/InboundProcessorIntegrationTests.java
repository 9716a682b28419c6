package org.listserv.inbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboundProcessorIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SmtpListener listener;

	@Autowired
	InboundMessages messages;

	@Autowired
	ConfigurableApplicationContext context;

	TestInboundHandler handler;

	@BeforeEach
	void register() {
		handler = TestInboundHandler.register(context);
	}

	@AfterEach
	void unregister() {
		TestInboundHandler.unregister(context);
	}

	private StoredMessage awaitFinal(long id) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messages.find(id).orElseThrow().state() != InboundState.RECEIVED);
		return messages.find(id).orElseThrow();
	}

	@Test
	void processesAMessageLeftReceivedByACrashAtTheNextSweep() {
		MailingList list = newList("ACTION");
		// as a crash leaves it: stored and committed, but nobody told the processor
		long id = jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw)
				values ('SMTP', 'alice@example.org', :to, 'Left behind', 40, :raw) returning id
				""")
			.param("to", list.slug() + "-owner@lists.example.org")
			.param("raw", "Subject: Left behind\r\n\r\nStill here.\r\n".getBytes(StandardCharsets.US_ASCII))
			.query(Long.class)
			.single();
		StoredMessage done = awaitFinal(id);
		assertThat(done.state()).isEqualTo(InboundState.HANDLED);
		assertThat(done.attempts()).isEqualTo(1);
	}

	@Test
	void marksAMessageToADeletedListFailed() {
		MailingList list = newList("ACTION");
		listService.delete(list.slug());
		long id = jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw)
				values ('SMTP', 'alice@example.org', :to, 'Too late', 30, :raw) returning id
				""")
			.param("to", list.slug() + "@lists.example.org")
			.param("raw", "Subject: Too late\r\n\r\nHello.\r\n".getBytes(StandardCharsets.US_ASCII))
			.query(Long.class)
			.single();
		StoredMessage failed = awaitFinal(id);
		assertThat(failed.state()).isEqualTo(InboundState.FAILED);
		assertThat(failed.note()).contains("No list '" + list.slug() + "'");
	}

	@Test
	void holdsAMessagePastItsProcessingBudgetAndGoesOnWithTheNext() {
		MailingList list = newList("ACTION");
		long costly = insert(list, "This is costly to read");
		long next = insert(list, "Plain");
		StoredMessage held = awaitFinal(costly);
		assertThat(held.state()).isEqualTo(InboundState.HELD);
		assertThat(held.note()).startsWith("Too costly to read automatically");
		assertThat(awaitFinal(next).state()).isEqualTo(InboundState.HANDLED);
		assertThat(handler.handled).extracting(Envelope::inboundMessageId).containsExactly(next);
	}

	@Test
	void aFailedMessageTellsTheAdminsOnceAnHourAndAnswersItsSenderAtMostThreeTimesADay() {
		MailingList list = newList("ACTION");
		String owner = list.slug() + "-owner@lists.example.org";
		String sender = "sam-" + list.slug() + "@example.net";
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(insert(list, sender, "This will explode " + i, ""));
		}
		long automated = insert(list, "robot-" + list.slug() + "@example.net", "Auto: explode", "Auto-Submitted: auto-replied\r\n");
		ids.forEach(id -> assertThat(awaitFinal(id).state()).isEqualTo(InboundState.FAILED));
		assertThat(awaitFinal(automated).state()).isEqualTo(InboundState.FAILED);

		await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(sender).size() >= 3);
		// the fourth and fifth failures must not be answered: the count stays three
		assertThroughout(Duration.ofMillis(500), () -> assertThat(mailTo(sender)).hasSize(3));
		assertThat(mailTo(sender)).hasSize(3).allSatisfy(m -> {
			assertThat(m.getSubject()).isEqualTo("Your message to " + owner + " could not be processed");
			assertThat(body(m)).contains("Nothing is lost").doesNotContain("exploded on purpose");
			assertThat(m.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		});
		assertThat(mailTo("robot-" + list.slug() + "@example.net")).as("no answer to a machine").isEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> adminNotices(owner).size() >= 1);
		assertThat(adminNotices(owner)).hasSize(1).first().satisfies(m -> assertThat(body(m))
			.contains("the test handler exploded on purpose")
			.contains("/admin/inbound/" + ids.get(0)));
	}

	private static java.util.List<jakarta.mail.internet.MimeMessage> adminNotices(String address) {
		return mailTo(ADMIN).stream().filter(m -> body(m).contains("A message received for " + address + " ")).toList();
	}

	private long insert(MailingList list, String from, String subject, String headers) {
		return jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw)
				values ('SMTP', :from, :to, :subject, 40, :raw) returning id
				""")
			.param("from", from)
			.param("to", list.slug() + "-owner@lists.example.org")
			.param("subject", subject)
			.param("raw", ("From: " + from + "\r\nSubject: " + subject + "\r\n" + headers + "\r\nHello.\r\n")
				.getBytes(StandardCharsets.US_ASCII))
			.query(Long.class)
			.single();
	}

	private long insert(MailingList list, String subject) {
		return jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw)
				values ('SMTP', 'alice@example.org', :to, :subject, 40, :raw) returning id
				""")
			.param("to", list.slug() + "-owner@lists.example.org")
			.param("subject", subject)
			.param("raw", ("Subject: " + subject + "\r\n\r\nHello.\r\n").getBytes(StandardCharsets.US_ASCII))
			.query(Long.class)
			.single();
	}

	@Test
	void neverAnswers250WhenTheMessageCannotBeStored() throws IOException {
		MailingList list = newList("ACTION");
		jdbc.sql("""
				create or replace function inbound_test_refuse() returns trigger language plpgsql as $$
				begin raise exception 'storage refused by the test'; end; $$
				""").update();
		jdbc.sql("""
				create trigger inbound_test_refuse before insert on inbound_messages
				for each row execute function inbound_test_refuse()
				""").update();
		String reply;
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			reply = smtp.deliver("alice@example.org", list.slug() + "-owner@lists.example.org",
					"Subject: lost?\r\n\r\nNo.\r\n");
		}
		finally {
			jdbc.sql("drop trigger inbound_test_refuse on inbound_messages").update();
			jdbc.sql("drop function inbound_test_refuse()").update();
		}
		assertThat(reply).isEqualTo("451 4.3.0 Could not store the message; try again later");
		assertThat(jdbc.sql("select count(*) from inbound_messages where recipient = :r")
			.param("r", list.slug() + "-owner@lists.example.org")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void retryPutsAFailedMessageBackInLineAndProcessesItAgain() throws IOException {
		MailingList list = newList("ACTION");
		long id = jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw, state, note, attempts)
				values ('IMAP', '', :to, 'Again', 30, :raw, 'FAILED', 'earlier failure', 1) returning id
				""")
			.param("to", list.slug() + "-owner@lists.example.org")
			.param("raw", "Subject: Again\r\n\r\nHello.\r\n".getBytes(StandardCharsets.US_ASCII))
			.query(Long.class)
			.single();
		assertThat(messages.retry(id)).isPresent();
		StoredMessage done = awaitFinal(id);
		assertThat(done.state()).isEqualTo(InboundState.HANDLED);
		assertThat(done.attempts()).isEqualTo(2);
		assertThat(messages.retry(id)).as("a handled message is not retried").isEmpty();
	}

}
