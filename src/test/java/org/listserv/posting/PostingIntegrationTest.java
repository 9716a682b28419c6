package org.listserv.posting;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

import org.listserv.IntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the posting tests share: a list with a policy, members, a post sent to the real SMTP listener. */
abstract class PostingIntegrationTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	MailingList list(String policy) {
		MailingList made = newList("ACTION");
		return listService.update(made.slug(), new ListRequest(null, null, null, null, null, policy, null, null, null,
				null, null, null, null));
	}

	String domain(MailingList list) {
		return list.slug() + ".example.org";
	}

	/** ACTIVE members {@code name@{slug}.example.org}. */
	void members(MailingList list, String... names) {
		for (String name : names) {
			jdbc.sql("""
					with s as (insert into subscribers (email, name) values (:e, :n) returning id)
					insert into memberships (list_id, subscriber_id, status, subscribed_at)
					select :l, id, 'ACTIVE', now() from s
					""").param("e", name + "@" + domain(list)).param("n", name).param("l", list.id()).update();
		}
	}

	/** Sends raw bytes to {@code {slug}@lists.example.org} through the SMTP listener, envelope from {@code from}. */
	void send(MailingList list, String from, String raw) throws Exception {
		deliverInbound(from, list.slug() + "@lists.example.org", raw);
	}

	static String postText(String from, String subject, String body, String... headers) {
		return "From: " + from + "\nTo: list\nSubject: " + subject + "\nMessage-ID: <" + System.nanoTime()
				+ "@example.net>\n" + String.join("\n", headers) + (headers.length > 0 ? "\n" : "")
				+ "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n";
	}

	/** Messages delivered to this envelope recipient (GreenMail's mailbox of that address). */
	static List<MimeMessage> inbox(String email) {
		GreenMailUser user = smtp.getUserManager().getUserByEmail(email);
		if (user == null) {
			return List.of();
		}
		try {
			return smtp.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
				.map(m -> m.getMimeMessage()).toList();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	static List<MimeMessage> awaitInbox(String email, int n) {
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email).size() >= n);
		return inbox(email);
	}

	/** The status of the list's post with this subject, once it has one. */
	String awaitPost(MailingList list, String subject) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !postStatus(list, subject).isEmpty());
		return postStatus(list, subject).get(0);
	}

	List<String> postStatus(MailingList list, String subject) {
		return jdbc.sql("select status from posts where list_id = :l and subject = :s order by id")
			.param("l", list.id()).param("s", subject).query(String.class).list();
	}

	long postId(MailingList list, String subject) {
		return jdbc.sql("select id from posts where list_id = :l and subject = :s").param("l", list.id())
			.param("s", subject).query(Long.class).single();
	}

	static String header(MimeMessage m, String name) {
		try {
			String v = m.getHeader(name, ", ");
			return v == null ? "" : jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(v));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	static void assertNone(String email) {
		assertThat(inbox(email)).as("mail to " + email).isEmpty();
	}

}
