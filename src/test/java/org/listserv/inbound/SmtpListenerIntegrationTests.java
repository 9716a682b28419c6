package org.listserv.inbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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

class SmtpListenerIntegrationTests extends IntegrationTest {

	@Autowired
	SmtpListener listener;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	TestInboundHandler handler;

	MailingList list;

	@BeforeEach
	void setUp() {
		handler = TestInboundHandler.register(context);
		list = newList("ACTION");
	}

	@AfterEach
	void tearDown() {
		TestInboundHandler.unregister(context);
	}

	private String owner() {
		return list.slug() + "-owner@lists.example.org";
	}

	private List<StoredMessage> storedFor(String recipient) {
		return jdbc.sql("""
				select id, received_at, source, mail_from, recipient, message_id, subject, size, state, note,
				       attempts, processed_at
				from inbound_messages where lower(recipient) = lower(:r) order by id
				""").param("r", recipient).query(StoredMessage.class).list();
	}

	private StoredMessage awaitFinal(String recipient) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> storedFor(recipient).stream().allMatch(m -> m.state() != InboundState.RECEIVED)
					&& !storedFor(recipient).isEmpty());
		return storedFor(recipient).get(0);
	}

	private static String message(String subject) {
		return "From: Alice <alice@example.org>\r\nTo: owner\r\nSubject: " + subject
				+ "\r\nMessage-ID: <m1@example.org>\r\n\r\nHello owner.\r\n";
	}

	@Test
	void greetsWithTheListDomainOnThePortItPublishes() throws IOException {
		int published = context.getEnvironment().getRequiredProperty("local.listserv.inbound.smtp.port", Integer.class);
		assertThat(published).isEqualTo(listener.port()).isPositive();
		try (SmtpConversation smtp = new SmtpConversation(published)) {
			assertThat(smtp.greeting()).startsWith("220 lists.example.org ESMTP");
			assertThat(smtp.send("EHLO client.example.org")).isEqualTo("250 Ok");
		}
	}

	@Test
	void refusesAnUnknownListAddressWith550AndStoresNothing() throws IOException {
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			smtp.send("EHLO client.example.org");
			assertThat(smtp.send("MAIL FROM:<alice@example.org>")).startsWith("250");
			assertThat(smtp.send("RCPT TO:<no-such-list@lists.example.org>")).isEqualTo("550 5.1.1 No such list address");
			assertThat(smtp.send("RCPT TO:<" + list.slug() + "-nonsense+x@lists.example.org>"))
				.isEqualTo("550 5.1.1 No such list address");
			assertThat(smtp.send("DATA")).startsWith("503");
		}
		assertThat(storedFor("no-such-list@lists.example.org")).isEmpty();
	}

	@Test
	void refusesAListAddressAtAnotherDomainWith550() throws IOException {
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			String reply = smtp.deliver("alice@example.org", list.slug() + "@example.com", message("relay?"));
			assertThat(reply).isEqualTo("550 5.7.1 Not a list domain: relaying denied");
		}
		assertThat(storedFor(list.slug() + "@example.com")).isEmpty();
	}

	@Test
	void storesAnAcceptedMessageBeforeTheReplyThenHandsItToTheHandler() throws IOException {
		String reply;
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			reply = smtp.deliver("alice@example.org", list.slug() + "-OWNER@Lists.Example.ORG", message("Hello"));
			assertThat(smtp.send("QUIT")).startsWith("221");
		}
		assertThat(reply).startsWith("250 2.0.0 Ok: stored as [");
		List<StoredMessage> rows = storedFor(owner());
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).source()).isEqualTo(InboundSource.SMTP);
		assertThat(rows.get(0).mailFrom()).isEqualTo("alice@example.org");
		assertThat(rows.get(0).recipient()).isEqualTo(list.slug() + "-OWNER@lists.example.org");
		assertThat(rows.get(0).subject()).isEqualTo("Hello");
		assertThat(rows.get(0).messageId()).isEqualTo("<m1@example.org>");

		StoredMessage done = awaitFinal(owner());
		assertThat(done.state()).isEqualTo(InboundState.HANDLED);
		assertThat(done.note()).isEqualTo("seen by the test handler: Hello");
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(done.processedAt()).isNotNull();
		assertThat(handler.handled).containsExactly(new Envelope("alice@example.org", rows.get(0).recipient(), done.id()));
		byte[] raw = jdbc.sql("select raw from inbound_messages where id = :id")
			.param("id", done.id())
			.query(byte[].class)
			.single();
		assertThat(new String(raw, StandardCharsets.UTF_8)).as("stored byte for byte").isEqualTo(message("Hello"));
	}

	@Test
	void storesOneRowPerAcceptedRecipient() throws IOException {
		MailingList other = newList("INFORMATIONAL");
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			smtp.send("EHLO client.example.org");
			smtp.send("MAIL FROM:<alice@example.org>");
			assertThat(smtp.send("RCPT TO:<" + owner() + ">")).startsWith("250");
			assertThat(smtp.send("RCPT TO:<nobody@lists.example.org>")).startsWith("550");
			assertThat(smtp.send("RCPT TO:<" + other.slug() + "-owner@lists.example.org>")).startsWith("250");
			assertThat(smtp.send("DATA")).startsWith("354");
			assertThat(smtp.sendData(message("Both").getBytes(StandardCharsets.UTF_8))).startsWith("250");
		}
		assertThat(awaitFinal(owner()).state()).isEqualTo(InboundState.HANDLED);
		assertThat(awaitFinal(other.slug() + "-owner@lists.example.org").state()).isEqualTo(InboundState.HANDLED);
	}

	@Test
	void storesAMessageSentInBdatChunks() throws IOException {
		byte[] whole = message("Chunked").getBytes(StandardCharsets.UTF_8);
		int half = whole.length / 2;
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			smtp.send("EHLO client.example.org");
			smtp.send("MAIL FROM:<alice@example.org>");
			smtp.send("RCPT TO:<" + owner() + ">");
			smtp.write(("BDAT " + half + "\r\n").getBytes(StandardCharsets.US_ASCII));
			smtp.write(Arrays.copyOfRange(whole, 0, half));
			assertThat(smtp.reply()).startsWith("250");
			smtp.write(("BDAT " + (whole.length - half) + " LAST\r\n").getBytes(StandardCharsets.US_ASCII));
			smtp.write(Arrays.copyOfRange(whole, half, whole.length));
			assertThat(smtp.reply()).startsWith("250 2.0.0 Ok: stored as");
		}
		StoredMessage done = awaitFinal(owner());
		assertThat(done.state()).isEqualTo(InboundState.HANDLED);
		assertThat(done.size()).isEqualTo(whole.length);
	}

	@Test
	void acceptsTheNullSenderOfBounces() throws IOException {
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			smtp.send("EHLO mta.example.org");
			assertThat(smtp.send("MAIL FROM:<>")).startsWith("250");
			assertThat(smtp.send("RCPT TO:<" + owner() + ">")).startsWith("250");
			assertThat(smtp.send("DATA")).startsWith("354");
			assertThat(smtp.sendData(message("Undeliverable").getBytes(StandardCharsets.UTF_8))).startsWith("250");
		}
		assertThat(awaitFinal(owner()).mailFrom()).isEmpty();
		assertThat(handler.handled).extracting(Envelope::mailFrom).containsExactly("");
	}

	@Test
	void refusesAMessageOverTheSizeLimitWith552AndStoresNothing() throws IOException {
		byte[] big = new byte[1024 * 1024 + 10];
		Arrays.fill(big, (byte) 'x');
		for (int i = 76; i < big.length; i += 78) {
			big[i] = '\r';
			big[i + 1] = '\n';
		}
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			smtp.send("EHLO client.example.org");
			assertThat(smtp.send("MAIL FROM:<alice@example.org> SIZE=5000000")).startsWith("552");
			smtp.send("RSET");
			smtp.send("MAIL FROM:<alice@example.org>");
			smtp.send("RCPT TO:<" + owner() + ">");
			assertThat(smtp.send("DATA")).startsWith("354");
			smtp.write("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(smtp.sendData(big)).startsWith("552 5.3.4 Message too big");
			assertThat(smtp.send("NOOP")).as("the session goes on after the refusal").startsWith("250");
		}
		assertThat(storedFor(owner())).isEmpty();
	}

	@Test
	void keepsAMalformedMessageVisibleAsFailed() throws IOException {
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			assertThat(smtp.deliver("alice@example.org", owner(), "\r\njust a body, no header at all\r\n"))
				.startsWith("250");
		}
		StoredMessage failed = awaitFinal(owner());
		assertThat(failed.state()).isEqualTo(InboundState.FAILED);
		assertThat(failed.note()).startsWith("Malformed message");
		assertThat(handler.handled).isEmpty();
	}

	@Test
	void marksTheMessageFailedWhenTheHandlerThrows() throws IOException {
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			assertThat(smtp.deliver("alice@example.org", owner(), message("please explode"))).startsWith("250");
		}
		StoredMessage failed = awaitFinal(owner());
		assertThat(failed.state()).isEqualTo(InboundState.FAILED);
		assertThat(failed.note()).isEqualTo("the test handler exploded on purpose");
		assertThat(failed.attempts()).isEqualTo(1);
	}

	@Test
	void survivesGarbageHugeLinesAndNonAsciiInput() throws IOException {
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			assertThat(smtp.send("HELLO?")).startsWith("500");
			assertThat(smtp.send("EHLO ünïcödé.example")).startsWith("250");
			assertThat(smtp.send("MAIL FROM:<ælice@exämple.org>")).startsWith("250");
			assertThat(smtp.send("RCPT TO:<łista@lists.example.org>")).startsWith("550");
			smtp.write(new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2, '\r', '\n' });
			smtp.reply();
		}
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			smtp.write(("NOOP " + "x".repeat(100_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			smtp.reply();
		}
		catch (IOException ex) {
			// the server may close the connection on an over-long line: that is fine
		}
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			assertThat(smtp.deliver("alice@example.org", owner(), message("still there"))).startsWith("250");
		}
		assertThat(awaitFinal(owner()).state()).isEqualTo(InboundState.HANDLED);
	}

}
