package org.listserv.posting;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Held posts decided on the moderation page, by reply to the notice, and by expiry. */
class ModerationIntegrationTests extends PostingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ModerationService moderation;

	/** The held-post notice to the list's owner (the STAFF account owns the tests' lists; it has no moderator). */
	private MimeMessage heldNotice(String subject) {
		return awaitMail(STAFF, subject, Duration.ofSeconds(10));
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.listserv.accounts.AccountService accountService;

	@Test
	void aHeldPostGoesToTheListsModeratorsAndItsAuthorIsToldItWaitsUnlessAStrangerOrAMachineSentIt() throws Exception {
		MailingList list = list("MODERATED");
		members(list, "rita");
		String partner = "partner-" + System.nanoTime() + "@example.org";
		accountService.create(partner, "Partner", "a long enough password 1", org.listserv.accounts.Role.STAFF);
		jdbc.sql("insert into list_roles (list_id, user_id, role, granted_by) select :l, id, 'MODERATOR', 'test'"
				+ " from users where email = :e").param("l", list.id()).param("e", partner).update();
		String rita = "rita@" + domain(list);
		send(list, rita, postText(rita, "Vigil on Friday", "At six."));
		MimeMessage held = awaitMail(partner, "Held for moderation", Duration.ofSeconds(10));
		assertThat(held.getSubject()).contains("Vigil on Friday");
		MimeMessage waiting = awaitMail(rita, "waits for a moderator", Duration.ofSeconds(10));
		assertThat(body(waiting)).contains("Vigil on Friday", "moderated list: every post is held");
		await().untilAsserted(() -> assertThat(jdbc.sql("select count(*) from outbox where kind = 'post-held'"
				+ " and subject like :s").param("s", "%Vigil on Friday%").query(Long.class).single()).isEqualTo(1));
		assertThat(subjects(STAFF)).as("the owner is not told while the list has a moderator")
			.noneMatch(sub -> sub.contains("Vigil on Friday"));

		String stranger = "stranger-" + System.nanoTime() + "@example.net";
		MailingList members = list("MEMBERS");
		send(members, stranger, postText(stranger, "Cheap pills", "Buy."));
		assertThat(awaitPost(members, "Cheap pills")).isEqualTo("HELD");
		awaitMail(STAFF, "Cheap pills", Duration.ofSeconds(10));
		assertThat(jdbc.sql("select count(*) from outbox where kind = 'post-waiting' and lower(to_address) = :r")
			.param("r", stranger).query(Long.class).single()).as("no backscatter to a stranger").isZero();
	}

	@Test
	void strangersPostIsApprovedOnThePageAndReachesTheMembers() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "kim", "lee");
		send(list, "visitor@example.net", postText("Visitor <visitor@example.net>", "Join our march", "Saturday at noon."));
		assertThat(awaitPost(list, "Join our march")).isEqualTo("HELD");
		long id = postId(list, "Join our march");
		mvc.perform(get("/admin/lists/" + list.slug() + "/moderation").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Join our march")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("is not an active member")));
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + id).param("action", "approve")
			.with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + id).param("action", "approve")
			.with(user(STAFF).roles("STAFF")).with(csrf())).andExpect(status().is3xxRedirection());
		for (String who : List.of("kim", "lee")) {
			assertThat(awaitInbox(who + "@" + domain(list), 1).get(0).getSubject())
				.isEqualTo("[" + list.slug() + "] Join our march");
		}
		assertThat(postStatus(list, "Join our march")).containsExactly("DISTRIBUTED");
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + id).param("action", "discard")
			.with(user(STAFF).roles("STAFF")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(postStatus(list, "Join our march")).containsExactly("DISTRIBUTED");
	}

	@Test
	void theReceivedMailsNoteNoLongerSaysHeldOnceTheHeldPostIsDecided() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "vic");
		send(list, "visitor@example.net", postText("visitor@example.net", "Vigil tonight", "At eight."));
		send(list, "other@example.net", postText("other@example.net", "Buy now", "Cheap."));
		assertThat(awaitPost(list, "Vigil tonight")).isEqualTo("HELD");
		assertThat(awaitPost(list, "Buy now")).isEqualTo("HELD");
		long vigil = inboundId(list, "Vigil tonight");
		await().until(() -> inboundNote(vigil).contains("held for moderation"));
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + postId(list, "Vigil tonight"))
			.param("action", "approve").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + postId(list, "Buy now"))
			.param("action", "discard").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(inboundNote(vigil)).contains("approved by " + STAFF).contains("distributed to 1 members")
			.doesNotContain("held for moderation");
		assertThat(inboundNote(inboundId(list, "Buy now"))).contains("discarded by " + STAFF)
			.doesNotContain("held for moderation");
		mvc.perform(get("/admin/inbound/" + vigil).with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("approved by " + STAFF)));
	}

	private long inboundId(MailingList list, String subject) {
		return jdbc.sql("select id from inbound_messages where subject = :s and recipient like :r")
			.param("s", subject).param("r", list.slug() + "@%").query(Long.class).single();
	}

	private String inboundNote(long id) {
		return jdbc.sql("select coalesce(note, '') from inbound_messages where id = :id").param("id", id)
			.query(String.class).single();
	}

	@Autowired
	org.listserv.subscriptions.SubscriptionLinks links;

	@Test
	void aHeldPostQuotingTheAuthorsOwnLinksShowsModeratorsNoTokenThatActsForThem() throws Exception {
		MailingList list = list("MODERATED");
		members(list, "una");
		String una = "una@" + domain(list);
		long id = jdbc.sql("select id from subscribers where email = :e").param("e", una).query(Long.class).single();
		String unsubscribe = links.unsubscribeUrl(id, list.id());
		String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1);
		send(list, una, postText(una, "Count me in", "Count me in.\n\n> Unsubscribe: " + unsubscribe + "\n"));
		assertThat(awaitPost(list, "Count me in")).isEqualTo("HELD");

		mvc.perform(get("/admin/lists/" + list.slug() + "/moderation").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/unsubscribe/[personal token removed]")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token))));
		assertThat(body(heldNotice("Count me in"))).contains("Count me in.").doesNotContain(token);
		long post = postId(list, "Count me in");
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + post).param("action", "approve")
			.with(user(STAFF).roles("STAFF")).with(csrf())).andExpect(status().is3xxRedirection());
		await().until(() -> postStatus(list, "Count me in").contains("DISTRIBUTED"));
		mvc.perform(get("/archive/" + list.slug() + "/posts/" + post).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/unsubscribe/[personal token removed]")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token))));
	}

	@Test
	void moderatorApprovesByReplyingAndAlwaysAcceptsTheSenderAfterwards() throws Exception {
		MailingList list = list("MODERATED");
		members(list, "max", "ned");
		String max = "max@" + domain(list);
		send(list, max, postText(max, "First post", "Hello all."));
		assertThat(awaitPost(list, "First post")).isEqualTo("HELD");
		String confirm = header(heldNotice("First post"), "Reply-To");
		assertThat(confirm).startsWith(list.slug() + "-confirm+");

		sendTo(confirm, STAFF, "From: " + STAFF + "\nTo: " + confirm + "\nSubject: Re: Held\n\nalways\n\n> quoted\n");
		assertThat(awaitInbox("ned@" + domain(list), 1).get(0).getSubject()).isEqualTo("[" + list.slug() + "] First post");
		assertThat(postStatus(list, "First post")).containsExactly("DISTRIBUTED");

		send(list, max, postText(max, "Second post", "Again."));
		assertThat(awaitPost(list, "Second post")).isEqualTo("DISTRIBUTED");
		awaitInbox("ned@" + domain(list), 2);
	}

	@Test
	void replyFromSomeoneWhoIsNotAModeratorDecidesNothing() throws Exception {
		MailingList list = list("MODERATED");
		members(list, "olga");
		send(list, "olga@" + domain(list), postText("olga@" + domain(list), "Forged", "x"));
		String confirm = header(heldNotice("Forged"), "Reply-To");
		sendTo(confirm, "olga@" + domain(list), "From: olga@" + domain(list) + "\nTo: " + confirm + "\nSubject: ok\n\nyes\n");
		await().until(() -> jdbc.sql("select count(*) from inbound_messages where lower(recipient) = lower(:r) and state = 'HANDLED'")
			.param("r", confirm).query(Long.class).single() == 1);
		assertThat(postStatus(list, "Forged")).containsExactly("HELD");
	}

	@Test
	void rejectionByReplyTellsTheAuthorWhy() throws Exception {
		MailingList list = list("MODERATED");
		members(list, "pat");
		String pat = "pat@" + domain(list);
		send(list, pat, postText(pat, "Off topic", "Cats."));
		String confirm = header(heldNotice("Off topic"), "Reply-To");
		sendTo(confirm, ADMIN, "From: " + ADMIN + "\nTo: " + confirm + "\nSubject: Re\n\nreject Please keep to the campaign.\n");
		MimeMessage notice = awaitMail(pat, "was not accepted", Duration.ofSeconds(10));
		assertThat(body(notice)).contains("Please keep to the campaign.");
		assertThat(postStatus(list, "Off topic")).containsExactly("REJECTED");
	}

	@Test
	void theNoticesOfAHeldPostComeInTheListsLanguageToModeratorsAndInTheAuthorsOwnToTheAuthor() throws Exception {
		MailingList list = listService.update(list("MODERATED").slug(), new org.listserv.lists.ListRequest(null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, "es"));
		members(list, "pat", "ana");
		String pat = "pat@" + domain(list);
		String ana = "ana@" + domain(list);
		jdbc.sql("update subscribers set language = 'en' where email = :e").param("e", ana).update();
		send(list, pat, postText(pat, "Fuera de tema", "Gatos."));
		MimeMessage held = heldNotice("Retenido para moderación en " + list.name() + ": Fuera de tema");
		assertThat(body(held)).contains("Un mensaje a " + list.name(), "espera a un moderador",
				"Motivo:  lista moderada: se retienen todos los mensajes").doesNotContain("MODERATED list");
		mvc.perform(get("/admin/lists/" + list.slug() + "/moderation").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "es"))
			.andExpect(content().string(containsString("lista moderada: se retienen todos los mensajes")));
		mvc.perform(get("/admin/lists/" + list.slug() + "/moderation").with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "en"))
			.andExpect(content().string(containsString("moderated list: every post is held")));
		String confirm = header(held, "Reply-To");
		sendTo(confirm, ADMIN, "From: " + ADMIN + "\nTo: " + confirm + "\nSubject: Re\n\nrechazar\n");
		MimeMessage rejected = awaitMail(pat, "no fue aceptado", Duration.ofSeconds(10));
		assertThat(rejected.getSubject()).isEqualTo("Su mensaje a " + list.name() + " no fue aceptado");
		assertThat(body(rejected)).contains("(sin motivo indicado)");
		send(list, ana, postText(ana, "Stale news", "Old."));
		assertThat(awaitPost(list, "Stale news")).isEqualTo("HELD");
		jdbc.sql("update posts set received_at = now() - interval '15 days' where list_id = :l and status = 'HELD'")
			.param("l", list.id()).update();
		assertThat(moderation.expireHeld()).isGreaterThanOrEqualTo(1);
		assertThat(awaitMail(ana, "expired", Duration.ofSeconds(10)).getSubject()).isEqualTo("Your post to " + list.name() + " expired");
	}

	@Test
	void heldPostsExpireWithANoticeToTheAuthor() throws Exception {
		MailingList list = list("MODERATED");
		members(list, "quinn");
		String quinn = "quinn@" + domain(list);
		send(list, quinn, postText(quinn, "Stale", "Old news."));
		assertThat(awaitPost(list, "Stale")).isEqualTo("HELD");
		jdbc.sql("update posts set received_at = now() - interval '15 days' where list_id = :l").param("l", list.id())
			.update();
		assertThat(moderation.expireHeld()).isGreaterThanOrEqualTo(1);
		assertThat(postStatus(list, "Stale")).containsExactly("EXPIRED");
		assertThat(awaitMail(quinn, "expired", Duration.ofSeconds(10)).getSubject()).contains("expired");
	}

	@Test
	void bannedSendersLaterPostsAreDropped() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "tara");
		send(list, "spammer@example.net", postText("spammer@example.net", "Spam one", "Buy."));
		assertThat(awaitPost(list, "Spam one")).isEqualTo("HELD");
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + postId(list, "Spam one")).param("action", "ban")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ban spammer@example.net from posting to " + list.name())))
			.andExpect(content().string(containsString("name=\"action\" value=\"ban\"")));
		assertThat(postStatus(list, "Spam one")).as("not without a yes").containsExactly("HELD");
		assertThat(jdbc.sql("select count(*) from posting_senders where list_id = :l").param("l", list.id())
			.query(Long.class).single()).as("nobody banned yet").isZero();
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + postId(list, "Spam one")).param("action", "ban")
			.param("confirm", "yes").with(user(STAFF).roles("STAFF")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(postStatus(list, "Spam one")).containsExactly("DISCARDED");
		send(list, "spammer@example.net", postText("Spammer <SPAMMER@example.net>", "Spam two", "Buy again."));
		assertThat(awaitPost(list, "Spam two")).isEqualTo("REFUSED");
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + postId(list, "Spam one")).param("action", "dance")
			.with(user(STAFF).roles("STAFF")).with(csrf())).andExpect(status().isBadRequest());
		assertNone("tara@" + domain(list));
	}

	@Test
	void aWrongPostingSettingIsShownBesideItsFieldWithWhatWasTyped() throws Exception {
		MailingList list = list("MEMBERS");
		mvc.perform(post("/admin/lists/" + list.slug() + "/posting-settings").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.param("subjectPrefix", "[walk]").param("replyTo", "SENDER").param("maxSize", "12")
			.param("maxRecipients", "10").param("archive", "PUBLIC").param("digestFrequency", "DAILY"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"posting-settings-maxSize-error\"")))
			.andExpect(content().string(containsString("Please correct Size limit below")))
			.andExpect(content().string(containsString("value=\"12\"")))
			.andExpect(content().string(containsString("value=\"[walk]\"")));
		mvc.perform(post("/admin/lists/" + list.slug() + "/posting-settings").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.header("Accept-Language", "es").param("subjectPrefix", "[walk]").param("replyTo", "SENDER")
			.param("maxSize", "100000").param("maxRecipients", "5000").param("archive", "PUBLIC")
			.param("digestFrequency", "DAILY"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("corrija Límite de destinatarios más abajo")))
			.andExpect(content().string(containsString("El límite de destinatarios está entre 1 y 1000")));
	}

	@Test
	void adminTurnsOnEmergencyModerationAndAMembersPostIsHeld() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "ray", "sue");
		String path = "/admin/lists/" + list.slug() + "/posting-settings";
		String viewer = "viewer-" + System.nanoTime() + "@example.org";
		accountService.create(viewer, "Viewer", "a long enough password 1", org.listserv.accounts.Role.STAFF);
		jdbc.sql("insert into list_roles (list_id, user_id, role, granted_by) select :l, id, 'VIEWER', 'test'"
				+ " from users where email = :e").param("l", list.id()).param("e", viewer).update();
		mvc.perform(post(path).with(user(viewer).roles("STAFF")).with(csrf()).param("replyTo", "SENDER")
			.param("maxSize", "100000").param("maxRecipients", "10").param("emergencyModeration", "true")
			.param("archive", "PUBLIC").param("digestFrequency", "DAILY")).andExpect(status().isForbidden());
		mvc.perform(post(path).with(user(ADMIN).roles("ADMIN")).with(csrf()).param("replyTo", "NOBODY")
			.param("maxSize", "100000").param("maxRecipients", "10").param("archive", "PUBLIC")
			.param("digestFrequency", "DAILY")).andExpect(status().isBadRequest());
		mvc.perform(post(path).with(user(ADMIN).roles("ADMIN")).with(csrf()).param("subjectPrefix", "(Peace)")
			.param("replyTo", "LIST").param("maxSize", "100000").param("maxRecipients", "10")
			.param("emergencyModeration", "true").param("archive", "MEMBERS").param("digestFrequency", "WEEKLY"))
			.andExpect(status().is3xxRedirection());
		String ray = "ray@" + domain(list);
		send(list, ray, postText(ray, "Urgent", "Now."));
		assertThat(awaitPost(list, "Urgent")).isEqualTo("HELD");
		assertThat(jdbc.sql("select hold_reason from posts where list_id = :l").param("l", list.id())
			.query(String.class).single()).contains("emergency moderation");
		mvc.perform(post("/admin/lists/" + list.slug() + "/moderation/" + postId(list, "Urgent"))
			.param("action", "approve").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		MimeMessage m = awaitInbox("sue@" + domain(list), 1).get(0);
		assertThat(m.getSubject()).isEqualTo("(Peace) Urgent");
		assertThat(header(m, "Reply-To")).isEqualTo("<" + list.slug() + "@lists.example.org>");
	}

	/** Sends to any address at the list domain through the listener. */
	void sendTo(String to, String from, String raw) throws Exception {
		int port = env.getRequiredProperty("local.listserv.inbound.smtp.port", Integer.class);
		java.util.Properties p = new java.util.Properties();
		p.put("mail.smtp.host", "127.0.0.1");
		p.put("mail.smtp.port", String.valueOf(port));
		p.put("mail.smtp.from", from);
		jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
		MimeMessage m = new MimeMessage(session, new java.io.ByteArrayInputStream(raw.replace("\n", "\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		try (jakarta.mail.Transport t = session.getTransport("smtp")) {
			t.connect();
			t.sendMessage(m, new jakarta.mail.Address[] { new jakarta.mail.internet.InternetAddress(to) });
		}
	}

}
