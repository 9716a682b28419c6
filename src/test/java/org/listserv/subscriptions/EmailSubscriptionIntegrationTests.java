package org.listserv.subscriptions;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Joining and leaving by email over the wire: real SMTP into the application's listener, real SMTP out
 * to GreenMail, replies sent back in through the listener.
 */
class EmailSubscriptionIntegrationTests extends IntegrationTest {

	@Autowired
	Environment environment;

	@Autowired
	MemberService members;

	private void sendIn(String from, String to, String subject, String text) throws Exception {
		Properties props = new Properties();
		props.put("mail.smtp.host", "127.0.0.1");
		props.put("mail.smtp.port", environment.getProperty("local.listserv.inbound.smtp.port"));
		Session session = Session.getInstance(props);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress(from, "Ada Lovelace"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject);
		message.setText(text);
		Transport.send(message);
	}

	/** The member's status once it is {@code wanted}, or a failure after 10 s saying what it is instead. */
	private MembershipStatus awaitStatus(MailingList list, String email, MembershipStatus wanted) {
		await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
			.ignoreException(org.listserv.shared.NotFoundException.class) // not there yet
			.untilAsserted(() -> assertThat(members.get(list.slug(), email).status()).isEqualTo(wanted));
		return members.get(list.slug(), email).status();
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "ACTION", "INFORMATIONAL" })
	void aPersonJoinsAndLeavesByEmailOnly(String kind) throws Exception {
		MailingList list = newList(kind);
		String me = "ada@" + list.slug() + ".example.org";

		sendIn(me, list.slug() + "-subscribe@lists.example.org", "subscribe", "");
		MimeMessage confirm = awaitMail(me, 1).get(0);
		assertThat(members.get(list.slug(), me).status()).isEqualTo(MembershipStatus.PENDING);
		sendIn(me, confirm.getReplyTo()[0].toString(), "Re: " + confirm.getSubject(), "Yes please");
		assertThat(awaitStatus(list, me, MembershipStatus.ACTIVE)).isEqualTo(MembershipStatus.ACTIVE);
		assertThat(members.get(list.slug(), me).name()).isEqualTo("Ada Lovelace");
		assertThat(awaitMail(me, 2).get(1).getSubject()).isEqualTo("Welcome to " + list.name());

		sendIn(me, list.slug() + "-unsubscribe@lists.example.org", "unsubscribe", "");
		MimeMessage leave = awaitMail(me, 3).get(2);
		assertThat(leave.getSubject()).isEqualTo("Please confirm: leave " + list.name());
		sendIn(me, leave.getReplyTo()[0].toString(), "Re: " + leave.getSubject(), "");
		assertThat(awaitStatus(list, me, MembershipStatus.UNSUBSCRIBED)).isEqualTo(MembershipStatus.UNSUBSCRIBED);
		assertThat(awaitMail(me, 4).get(3).getSubject()).isEqualTo("You have left " + list.name());

		assertThat(members.history(members.get(list.slug(), me).subscriberId()))
			.extracting(ConsentEvent::newStatus)
			.containsExactly(MembershipStatus.UNSUBSCRIBED, MembershipStatus.ACTIVE, MembershipStatus.PENDING);
		assertThat(members.history(members.get(list.slug(), me).subscriberId()))
			.allSatisfy(e -> assertThat(e.source()).isEqualTo(ConsentSource.EMAIL_COMMAND))
			.allSatisfy(e -> assertThat(e.messageId()).isNotBlank());
	}

}
