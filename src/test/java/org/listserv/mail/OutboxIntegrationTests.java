package org.listserv.mail;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxIntegrationTests extends IntegrationTest {

	@Autowired
	OutboxMessages messages;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxProperties properties;

	@Autowired
	MailProperties mail;

	@Autowired
	Outbox outbox;

	private OutboundMessage notice(String to) {
		return new OutboundMessage("test", EmailAddress.parse("news-request@lists.example.org"), "News",
				EmailAddress.parse(to), null, "Outbox test", "Hello", "<p>Hello</p>", Map.of("List-Id", "<news.lists.example.org>"));
	}

	private RelayStatus relay;

	private OutboxSender sender(int port) {
		JavaMailSenderImpl smtpClient = new JavaMailSenderImpl();
		smtpClient.setHost("127.0.0.1");
		smtpClient.setPort(port);
		smtpClient.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		smtpClient.getJavaMailProperties().put("mail.smtp.timeout", "2000");
		relay = new RelayStatus(messages, smtpClient);
		return new OutboxSender(messages, smtpClient, tx, properties, mail, relay);
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("select state, attempts, last_error, next_attempt_at > now() as later from outbox where id = :id")
			.param("id", id).query().singleRow();
	}

	@Test
	void keepsANoticeWhileSmtpIsDownAndSendsItWhenItIsBack() throws Exception {
		int closedPort;
		try (ServerSocket s = new ServerSocket(0)) {
			closedPort = s.getLocalPort();
		}
		String to = "down-then-up@outbox.example.org";
		long id = messages.insert(notice(to));
		sender(closedPort).sendDue();
		Map<String, Object> afterFailure = row(id);
		assertThat(afterFailure.get("state")).isEqualTo("RETRYING");
		assertThat(afterFailure.get("attempts")).isEqualTo(1);
		assertThat((String) afterFailure.get("last_error")).isNotBlank();
		assertThat(afterFailure.get("later")).isEqualTo(true);
		RelayStatus.Snapshot down = relay.snapshot();
		assertThat(down.state()).isEqualTo(RelayStatus.State.DOWN);
		assertThat(down.consecutiveFailures()).isEqualTo(1);
		assertThat(down.lastError()).isNotBlank();
		assertThat(down.backlog().pending()).isPositive();

		jdbc.sql("update outbox set next_attempt_at = now() where id = :id").param("id", id).update();
		sender(smtp.getSmtp().getPort()).sendDue();
		assertThat(row(id).get("state")).isEqualTo("SENT");
		assertThat(relay.snapshot().state()).isEqualTo(RelayStatus.State.UP);
		MimeMessage received = awaitMail(to, 1).get(0);
		assertThat(received.getSubject()).isEqualTo("Outbox test");
		assertThat(received.getHeader("List-Id")[0]).isEqualTo("<news.lists.example.org>");
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		assertThat(received.getMessageID()).endsWith("@lists.example.org>");
	}

	@Test
	void givesUpOnANoticeThatCouldNotBeSentForTooLong() throws Exception {
		int closedPort;
		try (ServerSocket s = new ServerSocket(0)) {
			closedPort = s.getLocalPort();
		}
		long id = messages.insert(notice("too-old@outbox.example.org"));
		jdbc.sql("update outbox set created_at = now() - interval '4 days' where id = :id").param("id", id).update();
		sender(closedPort).sendDue();
		assertThat(row(id).get("state")).isEqualTo("FAILED");
	}

	@Test
	void enqueuedNoticesAreSentAfterTheCommit() {
		String to = "enqueued@outbox.example.org";
		tx.executeWithoutResult(s -> outbox.enqueue(notice(to)));
		assertThat(awaitMail(to, 1)).hasSize(1);
	}

	@Test
	void aRolledBackChangeSendsNothing() throws Exception {
		String to = "rolled-back@outbox.example.org";
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			outbox.enqueue(notice(to));
			throw new IllegalStateException("the change fails after the notice was written");
		})).isInstanceOf(IllegalStateException.class);
		assertThroughout(Duration.ofMillis(500), () -> assertThat(mailTo(to)).isEmpty());
		assertThat(jdbc.sql("select count(*) from outbox where to_address = :to").param("to", to).query(Long.class).single())
			.isZero();
	}

	@Test
	void fiveHundredRepliesArePermanentOthersAreNot() {
		assertThat(OutboxSender.isPermanent(new org.springframework.mail.MailSendException("x",
				new SMTPAddressFailedException(null, "RCPT TO", 550, "5.1.1 no such user")))).isTrue();
		assertThat(OutboxSender.isPermanent(new org.springframework.mail.MailSendException("x",
				new SMTPAddressFailedException(null, "RCPT TO", 451, "4.3.0 try later")))).isFalse();
		assertThat(OutboxSender.isPermanent(new org.springframework.mail.MailSendException("connection refused")))
			.isFalse();
	}

	@Test
	void headerInjectionIsRefusedBeforeAnythingIsStored() {
		assertThatThrownBy(() -> new OutboundMessage("x", EmailAddress.parse("a@example.org"), "Name\r\nBcc: b@example.org",
				EmailAddress.parse("c@example.org"), null, "s", "t", null, Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new OutboundMessage("x", EmailAddress.parse("a@example.org"), "",
				EmailAddress.parse("c@example.org"), null, "Hi\nBcc: b@example.org", "t", null, Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new OutboundMessage("x", EmailAddress.parse("a@example.org"), "",
				EmailAddress.parse("c@example.org"), null, "s", "t", null, Map.of("X-Evil", "a\r\nBcc: b@example.org")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
