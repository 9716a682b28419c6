package org.listserv.inbound;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.listserv.IntegrationTest;
import org.listserv.bounces.ProcessBounces;
import org.listserv.inbound.InboundProperties.After;
import org.listserv.lists.MailingList;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An organisation's bounces land in a mailbox of their own (not at a list address): with
 * {@code listserv.inbound.imap.bounces-address}, the poller takes them as sent to the list's bounce address,
 * and process-bounces records them like bounces received over SMTP (source IMAP).
 */
class ImapBounceMailboxIntegrationTests extends IntegrationTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("bounces@org.example", "bounces", "secret"));

	@Autowired
	RecipientCheck recipients;

	@Autowired
	InboundStore store;

	@Autowired
	InboundProperties configured;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessBounces processBounces;

	@Test
	void aBounceInTheBounceMailboxReachesBounceHandling() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String member = "full@" + list.slug() + ".example.org";
		jdbc.sql("""
				with s as (insert into subscribers (email) values (:email) returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at) select :list, id, 'ACTIVE', now() from s
				""").param("email", member).param("list", list.id()).update();
		String raw = ("Return-Path: <>\r\nDelivered-To: bounces@org.example\r\nFrom: MAILER-DAEMON@mx.example.net\r\n"
				+ "To: bounces@org.example\r\nSubject: Delivery Status Notification (Failure) " + list.slug() + "\r\n"
				+ "MIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
				+ "--B\r\nContent-Type: text/plain\r\n\r\nThe mailbox is full.\r\n\r\n"
				+ "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
				+ "Final-Recipient: rfc822; " + member + "\r\nAction: delayed\r\nStatus: 4.2.2\r\n"
				+ "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\r\n\r\n--B--\r\n");
		GreenMailUser user = greenMail.getUserManager().getUserByEmail("bounces@org.example");
		user.deliver(new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));

		String bouncesAddress = list.slug() + "-bounces@lists.example.org";
		ImapPoller poller = new ImapPoller(new InboundProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(15),
				configured.smtp(), new InboundProperties.Imap(true, "127.0.0.1", greenMail.getImap().getPort(), false,
						"bounces", "secret", "INBOX", Duration.ofSeconds(60), After.DELETE, bouncesAddress), configured.messageBudget()),
				recipients, store);
		assertThat(poller.poll()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient = :r and b.source = 'IMAP'
				""").param("r", bouncesAddress).query(Long.class).single() == 1);
		assertThat(processBounces.run()).isEqualTo(BatchStatus.COMPLETED);
		var event = jdbc.sql("select source, classification, status, recipient from bounce_events where list_id = :l")
			.param("l", list.id()).query().singleRow();
		assertThat(event.get("source")).isEqualTo("IMAP");
		assertThat(event.get("classification")).isEqualTo("SOFT");
		assertThat(event.get("status")).isEqualTo("4.2.2");
		assertThat(event.get("recipient")).isEqualTo(member);
	}

}
