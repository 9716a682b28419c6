package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.listserv.bouncereading.BounceClassifier;
import org.listserv.bouncereading.BounceReport;
import org.listserv.IntegrationTest;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.sending.DeliveryLedger;
import org.listserv.subscriptions.MemberBounces;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crafted message cannot hold up the bounces behind it: it is read in linear time, and a message past
 * its processing budget goes to the review queue with the note "Too costly to read automatically".
 */
class BounceBudgetIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessBounces job;

	@Autowired
	BounceStore store;

	@Autowired
	BounceRecorder recorder;

	@Autowired
	DeliveryLedger deliveries;

	@Autowired
	MemberBounces members;

	@Autowired
	ListService lists;

	@Autowired
	BouncesProperties properties;

	@Autowired
	Environment environment;

	int smtpPort() {
		return Integer.parseInt(environment.getProperty("local.listserv.inbound.smtp.port"));
	}

	void addMember(MailingList list, String email) {
		jdbc.sql("""
				with s as (insert into subscribers (email) values (:email) returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at) select :list, id, 'ACTIVE', now() from s
				""").param("email", email).param("list", list.id()).update();
	}

	long queued(String recipient) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient = :r and b.state = 'QUEUED'""").param("r", recipient).query(Long.class).single() > 0);
		return jdbc.sql("""
				select b.id from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient = :r order by b.id desc limit 1""").param("r", recipient).query(Long.class).single();
	}

	String state(long bounceMessageId) {
		return jdbc.sql("select state || ': ' || coalesce(note, '') from bounce_messages where id = :id")
			.param("id", bounceMessageId).query(String.class).single();
	}

	@Test
	void aTwoHundredKilobyteFromDisplayNameDoesNotHoldUpTheRealBounceBehindIt() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String member = "gone@" + list.slug() + ".example.org";
		addMember(list, member);
		String to = list.slug() + "-bounces@lists.example.org";
		String crafted = "From: \"" + "a".repeat(200_000) + "\" <x@example.org>\r\nTo: " + to
				+ "\r\nSubject: hello\r\nMessage-ID: <crafted@example.org>\r\n\r\nnothing to see\r\n";
		assertThat(BounceFixtures.deliver(smtpPort(), to, crafted)).startsWith("250");
		long craftedId = queued(to);
		assertThat(BounceFixtures.deliver(smtpPort(), to, BounceFixtures.dsn(to, member, "5.1.1",
				"550 5.1.1 <" + member + ">: Recipient address rejected: User unknown"))).startsWith("250");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from bounce_messages where id > :id and state = 'QUEUED'")
				.param("id", craftedId).query(Long.class).single() > 0);

		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(state(craftedId)).startsWith("REVIEW: Not a bounce");
		assertThat(jdbc.sql("""
				select e.classification from bounce_events e join subscribers s on s.id = e.subscriber_id
				 where s.email = :e""").param("e", member).query(String.class).list()).containsExactly("HARD");
	}

	@Test
	void aMessagePastItsBudgetGoesToReviewAsTooCostlyAndTheNextOneIsRead() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String member = "full@" + list.slug() + ".example.org";
		addMember(list, member);
		String to = list.slug() + "-bounces@lists.example.org";
		assertThat(BounceFixtures.deliver(smtpPort(), to,
				BounceFixtures.dsn(to, member, "5.1.1", "550 5.1.1 User unknown"))).startsWith("250");
		long id = queued(to);

		BouncesProperties tight = new BouncesProperties(properties.threshold(), properties.hardWeight(),
				properties.softWeight(), properties.staleAfter(), properties.warnings(), properties.warningInterval(),
				properties.chunkSize(), properties.interval(), false, Duration.ofMillis(50));
		// a reader that goes on and on, checking its budget as the real one does in its loops
		BounceClassifier endless = new BounceClassifier() {
			@Override
			public BounceReport classify(byte[] raw, String envelopeRecipient) {
				long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
				while (System.nanoTime() < giveUp) {
					org.listserv.mail.ReadingBudget.check();
				}
				throw new AssertionError("the budget never stopped the reader");
			}
		};
		new BounceProcessing(store, recorder, deliveries, members, lists, endless, tight).process(id);

		assertThat(state(id)).startsWith("REVIEW: Too costly to read automatically");
		assertThat(jdbc.sql("select count(*) from bounce_events where bounce_message_id = :id").param("id", id)
			.query(Long.class).single()).isZero();

		// the same message with the real budget: read, recorded
		jdbc.sql("update bounce_messages set state = 'QUEUED' where id = :id").param("id", id).update();
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(state(id)).startsWith("PROCESSED");
		assertThat(jdbc.sql("select bounce_score from memberships where list_id = :l").param("l", list.id())
			.query(BigDecimal.class).single()).isEqualByComparingTo("1");
	}

}
