package org.listserv.posting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts through the real SMTP listener, the rules, the decorators and the real send job, to GreenMail. */
class PostingFlowIntegrationTests extends PostingIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.listserv.web.SignedTokens signedTokens;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.test.web.servlet.MockMvc mvc;


	@Test
	void memberPostReachesEveryOtherMemberWithPrefixAndFooterButNotTheAuthor() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "alice", "bob", "carol", "dave");
		String alice = "alice@" + domain(list);
		send(list, alice, postText("Alice <" + alice + ">", "Call your senator", "Please call today about the bill."));

		for (String who : List.of("bob", "carol", "dave")) {
			MimeMessage m = awaitInbox(who + "@" + domain(list), 1).get(0);
			assertThat(m.getSubject()).isEqualTo("[" + list.slug() + "] Call your senator");
			assertThat(body(m)).contains("Please call today about the bill.")
				.contains(list.slug() + "@lists.example.org");
			assertThat(header(m, "List-Id")).contains("<" + list.slug() + ".lists.example.org>");
			assertThat(header(m, "List-Post")).isEqualTo("<mailto:" + list.slug() + "@lists.example.org>");
			assertThat(header(m, "List-Unsubscribe")).contains("/unsubscribe/");
			assertThat(header(m, "X-BeenThere")).isEqualTo(list.slug() + "@lists.example.org");
			assertThat(header(m, "From")).contains(alice);
		}
		assertThat(awaitPost(list, "Call your senator")).isEqualTo("DISTRIBUTED");
		assertThroughout(Duration.ofMillis(500), () -> assertNone(alice));
		assertThat(jdbc.sql("""
				select count(*) from deliveries d join posts p on p.campaign_id = d.campaign_id
				where p.list_id = :l and d.status = 'SENT'
				""").param("l", list.id()).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aPostWithANulAfterDecodingIsStoredWithTheReplacementCharacterAndDistributedAsWritten() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "nina", "omar");
		String from = "nina@" + domain(list);
		send(list, from, "From: " + from + "\nTo: list\nSubject: NUL inside\nMessage-ID: <" + System.nanoTime()
				+ "@example.net>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
				+ "Content-Transfer-Encoding: quoted-printable\n\nhello=00world\n");
		assertThat(awaitPost(list, "NUL inside")).isEqualTo("DISTRIBUTED");
		assertThat(jdbc.sql("select body_text from posts where list_id = :l").param("l", list.id()).query(String.class)
			.single()).contains("hello\uFFFDworld");
		MimeMessage received = awaitInbox("omar@" + domain(list), 1).get(0);
		assertThat(new String(received.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII))
			.contains("hello=00world");
		assertThat(jdbc.sql("select state from inbound_messages where recipient = :r and subject = 'NUL inside'")
			.param("r", list.slug() + "@lists.example.org").query(String.class).single()).isEqualTo("HANDLED");
	}

	@Test
	void aPostOfAHundredThousandDistinctWordsIsKeptAndTheStartOfItSearchable() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "pia", "quinn");
		StringBuilder words = new StringBuilder();
		for (int i = 0; words.length() < 900_000; i++) {
			words.append('q').append(Integer.toString(i * 7919, 36)).append(i % 12 == 11 ? "\n" : " ");
		}
		String from = "pia@" + domain(list);
		send(list, from, postText(from, "Many words", words.toString()));
		assertThat(awaitPost(list, "Many words")).isIn("DISTRIBUTED", "HELD");
		assertThat(jdbc.sql("select count(*) from posts where list_id = :l and search @@ to_tsquery('simple', 'q0')")
			.param("l", list.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void replyKeepsOnePrefixAndAuthorWhoAsksGetsTheirOwnPost() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "erin", "frank");
		String erin = "erin@" + domain(list);
		// Erin asks for her own posts on her preference page (the signed link the preference notice carries)
		long erinId = jdbc.sql("select id from subscribers where email = :e").param("e", erin).query(Long.class).single();
		String token = signedTokens.sign("P", java.time.Duration.ofDays(1), erinId);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/preferences/" + token))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("own-posts-" + list.slug())));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/preferences/" + token + "/own-posts")
			.param("slug", list.slug()).param("ownPosts", "true"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		assertThat(jdbc.sql("select receive_own_posts from memberships where list_id = :l and subscriber_id = :s")
			.param("l", list.id()).param("s", erinId).query(Boolean.class).single()).isTrue();
		send(list, erin, postText(erin, "Re: [" + list.slug() + "] Vigil tonight", "I will be there."));
		MimeMessage own = awaitInbox(erin, 1).get(0);
		assertThat(own.getSubject()).isEqualTo("Re: [" + list.slug() + "] Vigil tonight");
		awaitInbox("frank@" + domain(list), 1);
	}

	@Test
	void strangerPostIsHeldAndModeratorsAreNotified() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "gina");
		send(list, "stranger@example.net", postText("stranger@example.net", "Buy now", "Cheap watches."));
		assertThat(awaitPost(list, "Buy now")).isEqualTo("HELD");
		// the list's owner (it has no moderator) gets other mail too: wait for this notice itself
		MimeMessage notice = awaitMail(STAFF, "Buy now", Duration.ofSeconds(20));
		assertThat(header(notice, "Reply-To")).startsWith(list.slug() + "-confirm+");
		assertThat(body(notice)).contains("not an active member");
		String verdicts = jdbc.sql("select verdicts::text from posts where list_id = :l").param("l", list.id())
			.query(String.class).single();
		assertThat(verdicts).contains("\"loop\"", "\"automated\"", "\"administrivia\"", "\"size\"", "\"policy\"", "HOLD");
		assertNone("gina@" + domain(list));
	}

	@Test
	void staffPostByEmailToAnAnnounceListAndMembersCannot() throws Exception {
		MailingList list = list("ANNOUNCE");
		members(list, "uri", "val");
		send(list, STAFF, postText("Staff <" + STAFF + ">", "Newsletter by mail", "News for all."));
		assertThat(awaitPost(list, "Newsletter by mail")).isEqualTo("DISTRIBUTED");
		awaitInbox("uri@" + domain(list), 1);
		awaitInbox("val@" + domain(list), 1);
		send(list, "uri@" + domain(list), postText("uri@" + domain(list), "Member reply", "Thanks!"));
		assertThat(awaitPost(list, "Member reply")).isEqualTo("HELD");
	}

	@Test
	void postThatCameBackFromTheListIsRefused() throws Exception {
		MailingList list = list("OPEN");
		members(list, "hank");
		send(list, "hank@" + domain(list), postText("hank@" + domain(list), "Echo", "Loop.",
				"X-BeenThere: " + list.slug() + "@lists.example.org"));
		assertThat(awaitPost(list, "Echo")).isEqualTo("REFUSED");
		assertThroughout(Duration.ofMillis(500), () -> assertNone("hank@" + domain(list)));
	}

	@Test
	void unsubscribeSentToTheListIsAnsweredAsACommand() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "ivan", "judy");
		String ivan = "ivan@" + domain(list);
		send(list, ivan, postText(ivan, "unsubscribe", ""));
		assertThat(awaitPost(list, "unsubscribe")).isEqualTo("COMMAND");
		MimeMessage reply = awaitMail(ivan, 1).get(0);
		assertThat(header(reply, "From")).contains(list.slug() + "-request@");
		assertThroughout(Duration.ofMillis(300), () -> assertNone("judy@" + domain(list)));
	}

	@org.springframework.beans.factory.annotation.Autowired
	PostHandler handler;

	@Test
	void aMessageProcessedTwiceIsDistributedOnce() throws Exception {
		MailingList list = list("OPEN");
		members(list, "kate", "liam");
		String raw = postText("kate@" + domain(list), "Once only", "Hello.").replace("\n", "\r\n");
		send(list, "kate@" + domain(list), raw);
		assertThat(awaitPost(list, "Once only")).isEqualTo("DISTRIBUTED");
		byte[] stored = jdbc.sql("select raw from posts where list_id = :l").param("l", list.id()).query(byte[].class)
			.single();
		org.listserv.inbound.Disposition again = handler.handle(org.listserv.mail.InboundMessage.parse(stored),
				new org.listserv.inbound.Envelope("kate@" + domain(list), list.slug() + "@lists.example.org"),
				org.listserv.mail.ListAddress.parse(list.slug()).orElseThrow());
		assertThat(again.note()).contains("already processed");
		assertThat(jdbc.sql("select count(*) from campaigns where list_id = :l").param("l", list.id())
			.query(Long.class).single()).isEqualTo(1);
		awaitInbox("liam@" + domain(list), 1);
		assertThroughout(Duration.ofMillis(500), () -> assertThat(inbox("liam@" + domain(list))).hasSize(1));
	}

	@Test
	void aPostWithoutAValidFromIsHeldNotLost() throws Exception {
		MailingList list = list("OPEN");
		members(list, "mia");
		send(list, "someone@example.net", "From: not an address\nTo: list\nSubject: Nameless\n\nWho am I?\n");
		assertThat(awaitPost(list, "Nameless")).isEqualTo("HELD");
		assertThat(jdbc.sql("select hold_reason from posts where list_id = :l").param("l", list.id())
			.query(String.class).single()).isEqualTo("no valid From address");
	}

}
