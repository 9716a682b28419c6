package org.listserv.subscriptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.inbound.Disposition;
import org.listserv.inbound.Envelope;
import org.listserv.inbound.InboundState;
import org.listserv.lists.MailingList;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The email command handler on parsed messages (the SMTP listener's own tests cover the wire). */
class EmailCommandIntegrationTests extends IntegrationTest {

	@Autowired
	EmailCommandHandler handler;

	@Autowired
	MemberService members;

	private Disposition send(String from, String to, String subject, String body, String... headers) {
		String raw = "From: Sam Sender <" + from + ">\r\nTo: " + to + "\r\nSubject: " + subject
				+ "\r\nMessage-ID: <" + System.nanoTime() + "@client.example.org>\r\n" + String.join("\r\n", headers)
				+ (headers.length > 0 ? "\r\n" : "") + "\r\n" + body + "\r\n";
		String local = to.substring(0, to.indexOf('@'));
		return handler.handle(InboundMessage.parse(raw.getBytes(StandardCharsets.UTF_8)), new Envelope(from, to),
				ListAddress.parse(local).orElseThrow());
	}

	@Test
	void joinsByMailAndConfirmsByReplyingToTheConfirmAddress() throws Exception {
		MailingList list = newList("ACTION");
		String me = "mailjoin@" + list.slug() + ".example.org";
		Disposition d = send(me, list.slug() + "-subscribe@lists.example.org", "subscribe", "");
		assertThat(d.state()).isEqualTo(InboundState.HANDLED);
		Member pending = members.get(list.slug(), me);
		assertThat(pending.status()).isEqualTo(MembershipStatus.PENDING);
		assertThat(pending.name()).isEqualTo("Sam Sender");
		MimeMessage confirm = awaitMail(me, 1).get(0);
		String replyTo = confirm.getReplyTo()[0].toString();
		assertThat(replyTo).matches(list.slug() + "-confirm\\+[a-z2-7]{32}@lists.example.org");
		assertThat(send(me, replyTo, "Re: " + confirm.getSubject(), "> quoted text").state())
			.isEqualTo(InboundState.HANDLED);
		assertThat(members.get(list.slug(), me).status()).isEqualTo(MembershipStatus.ACTIVE);
		assertThat(members.history(pending.subscriberId())).allSatisfy(e -> {
			assertThat(e.source()).isEqualTo(ConsentSource.EMAIL_COMMAND);
			assertThat(e.messageId()).endsWith("@client.example.org>");
		});
		assertThat(awaitMail(me, 2).get(1).getSubject()).startsWith("Welcome to");
	}

	@Test
	void leavesByMailAfterConfirmingByReply() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String me = "mailleave@" + list.slug() + ".example.org";
		members.add(list.slug(), me, "", null, Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		send(me, list.slug() + "-unsubscribe@lists.example.org", "", "");
		assertThat(members.get(list.slug(), me).status()).as("a forged From cannot unsubscribe anyone by itself")
			.isEqualTo(MembershipStatus.ACTIVE);
		MimeMessage confirm = awaitMail(me, 1).get(0);
		assertThat(confirm.getSubject()).isEqualTo("Please confirm: leave " + list.name());
		send(me, confirm.getReplyTo()[0].toString(), "Re: confirm", "yes");
		assertThat(members.get(list.slug(), me).status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
	}

	@Test
	void answersRequestCommandsInOneReply() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String me = "commands@" + list.slug() + ".example.org";
		Disposition d = send(me, list.slug() + "-request@lists.example.org", "help",
				"lists\r\nsubscribe\r\nwhat is this\r\n-- \r\nunsubscribe");
		assertThat(d.note()).isEqualTo("commands: help, lists, subscribe");
		assertThat(members.get(list.slug(), me).status()).isEqualTo(MembershipStatus.PENDING);
		MimeMessage reply = awaitMail(me, 2).stream().filter(m -> {
			try {
				return m.getSubject().startsWith("Re:");
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		assertThat(reply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		assertThat(body(reply)).contains("> help").contains("> lists").contains(list.slug() + "@lists.example.org")
			.contains("> subscribe").contains("A message to confirm has been sent").doesNotContain("> unsubscribe");
	}

	@Test
	void notesAnEnvelopeSenderThatDiffersFromFromAndAnswersFrom() throws Exception {
		MailingList list = newList("ACTION");
		String me = "forwarded@" + list.slug() + ".example.org";
		String raw = "From: " + me + "\r\nSubject: subscribe\r\n\r\n";
		Disposition d = handler.handle(InboundMessage.parse(raw.getBytes(StandardCharsets.UTF_8)),
				new Envelope("srs0=abc@forwarder.example.net", list.slug() + "-subscribe@lists.example.org"),
				ListAddress.parse(list.slug() + "-subscribe").orElseThrow());
		assertThat(d.note()).contains("differs from From");
		assertThat(awaitMail(me, 1)).hasSize(1);
	}

	@Test
	void neverAnswersMachines() throws Exception {
		MailingList list = newList("ACTION");
		String me = "robot@" + list.slug() + ".example.org";
		String request = list.slug() + "-request@lists.example.org";
		assertThat(send(me, request, "Out of office", "I am away", "Auto-Submitted: auto-replied").note())
			.startsWith("ignored");
		assertThat(send(me, request, "help", "", "Precedence: bulk").note()).startsWith("ignored");
		assertThat(send("mailer-daemon@" + list.slug() + ".example.org", request, "help", "").note()).startsWith("ignored");
		assertThat(send("news-request@lists.example.org", request, "help", "").note()).startsWith("ignored");
		InboundMessage bounce = InboundMessage.parse(("From: " + me + "\r\nSubject: help\r\n\r\nhelp\r\n").getBytes());
		assertThat(handler.handle(bounce, new Envelope("", request), ListAddress.parse(list.slug() + "-request").get())
			.note()).startsWith("ignored");
		assertThroughout(Duration.ofMillis(300), () -> assertThat(mailTo(me)).isEmpty());
	}

	@Test
	void repliesToOneAddressAreRateLimited() throws Exception {
		MailingList list = newList("ACTION");
		String me = "chatty@" + list.slug() + ".example.org";
		for (int i = 0; i < 8; i++) {
			send(me, list.slug() + "-request@lists.example.org", "help", "");
		}
		awaitMail(me, 5);
		assertThroughout(Duration.ofMillis(500), () -> assertThat(mailTo(me)).hasSize(5));
	}

}
