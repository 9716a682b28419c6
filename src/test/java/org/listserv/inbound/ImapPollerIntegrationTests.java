package org.listserv.inbound;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.listserv.IntegrationTest;
import org.listserv.inbound.InboundProperties.After;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ImapPollerIntegrationTests extends IntegrationTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("lists@mail.example.org", "lists", "secret"));

	@Autowired
	RecipientCheck recipients;

	@Autowired
	InboundStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	InboundProperties configured;

	MailingList list;

	@BeforeEach
	void setUp() {
		TestInboundHandler.register(context);
		list = newList("ACTION");
	}

	@AfterEach
	void tearDown() {
		TestInboundHandler.unregister(context);
	}

	private ImapPoller poller(After after, int port) {
		return new ImapPoller(new InboundProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(15), configured.smtp(),
				new InboundProperties.Imap(true, "127.0.0.1", port, false, "lists", "secret", "INBOX",
						Duration.ofSeconds(60), after), configured.messageBudget()),
				recipients, store);
	}

	private ImapPoller poller(After after) {
		return poller(after, greenMail.getImap().getPort());
	}

	private void deliver(String raw) throws MessagingException {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail("lists@mail.example.org");
		user.deliver(new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
	}

	/** The flags of every message in the mailbox, as a client sees them. */
	private List<Flags> mailbox() throws MessagingException {
		try (Store imap = Session.getInstance(new Properties()).getStore("imap")) {
			imap.connect("127.0.0.1", greenMail.getImap().getPort(), "lists", "secret");
			Folder inbox = imap.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			List<Flags> flags = new ArrayList<>();
			for (Message m : inbox.getMessages()) {
				flags.add(m.getFlags());
			}
			inbox.close(false);
			return flags;
		}
	}

	private List<StoredMessage> stored(String subject) {
		return jdbc.sql("""
				select id, received_at, source, mail_from, recipient, message_id, subject, size, state, note,
				       attempts, processed_at
				from inbound_messages where subject = :s order by id
				""").param("s", subject).query(StoredMessage.class).list();
	}

	private String message(String subject, String headers) {
		return "Return-Path: <bob@example.org>\r\n" + headers + "From: Bob <bob@example.org>\r\nSubject: " + subject
				+ "\r\n\r\nHello.\r\n";
	}

	@Test
	void storesEachMessageThenDeletesItFromTheServer() throws Exception {
		String subject = "imap " + list.slug();
		deliver(message(subject, "Delivered-To: lists@mail.example.org\r\nX-Original-To: " + list.slug()
				+ "-owner@lists.example.org\r\nTo: someone@example.org\r\n"));
		assertThat(poller(After.DELETE).poll()).isEqualTo(1);
		assertThat(mailbox()).isEmpty();
		List<StoredMessage> rows = stored(subject);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).source()).isEqualTo(InboundSource.IMAP);
		assertThat(rows.get(0).recipient()).isEqualTo(list.slug() + "-owner@lists.example.org");
		assertThat(rows.get(0).mailFrom()).isEqualTo("bob@example.org");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> stored(subject).get(0).state() == InboundState.HANDLED);
	}

	@Test
	void flagModeMarksStoredMessagesAndSkipsThemAtTheNextPoll() throws Exception {
		String subject = "flag " + list.slug();
		deliver(message(subject, "To: Owners <" + list.slug() + "-owner@lists.example.org>\r\n"));
		ImapPoller poller = poller(After.FLAG);
		assertThat(poller.poll()).isEqualTo(1);
		assertThat(poller.poll()).isZero();
		assertThat(stored(subject)).hasSize(1);
		assertThat(mailbox()).singleElement()
			.satisfies(flags -> assertThat(flags.contains(Flags.Flag.FLAGGED) && flags.contains(Flags.Flag.SEEN))
				.isTrue());
	}

	@Test
	void storesAMessageWithNoListAddressAsFailed() throws Exception {
		String subject = "stray " + list.slug();
		deliver(message(subject, "To: someone@example.org\r\nCc: nobody-owner@lists.example.org\r\n"));
		assertThat(poller(After.DELETE).poll()).isEqualTo(1);
		assertThat(mailbox()).isEmpty();
		assertThat(stored(subject)).singleElement().satisfies(m -> {
			assertThat(m.state()).isEqualTo(InboundState.FAILED);
			assertThat(m.note()).isEqualTo("no list address among the recipients");
		});
	}

	@Test
	void keepsATooLargeMessageOnTheServerAndStoresItsHeaderForAPerson() throws Exception {
		String subject = "huge " + list.slug();
		deliver(message(subject, "To: " + list.slug() + "-owner@lists.example.org\r\n"));
		deliver(message(subject, "To: " + list.slug() + "-owner@lists.example.org\r\n")
				+ ("y".repeat(76) + "\r\n").repeat(1000));
		ImapPoller poller = poller(After.DELETE);
		assertThat(poller.poll()).isEqualTo(2);
		assertThat(poller.poll()).isZero();
		assertThat(mailbox()).singleElement().satisfies(f -> assertThat(f.contains(Flags.Flag.FLAGGED)).isTrue());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> stored(subject).stream().noneMatch(m -> m.state() == InboundState.RECEIVED));
		List<StoredMessage> rows = stored(subject);
		assertThat(rows).extracting(StoredMessage::state).containsExactly(InboundState.HANDLED, InboundState.FAILED);
		assertThat(rows.get(1).note()).startsWith("Over max-message-size");
		assertThat(rows.get(1).size()).as("only the header").isLessThan(1000);
	}

	@Test
	void reportsAnUnreachableServerAndCarriesOn() {
		ImapPoller unreachable = poller(After.DELETE, 1);
		assertThatThrownBy(unreachable::poll).isInstanceOf(MessagingException.class);
		unreachable.pollQuietly();
	}

}
