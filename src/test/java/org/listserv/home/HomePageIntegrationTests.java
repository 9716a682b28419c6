package org.listserv.home;

import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page: what needs attention (counted from what each capability keeps), sends in progress, scheduled
 * and draft campaigns, lists with their growth; and that a login lands there. The database is shared with
 * the other tests, so the global counts are compared before and after this test's own rows.
 */
class HomePageIntegrationTests extends IntegrationTest {

	private static final RequestPostProcessor ADMIN_USER = SecurityMockMvcRequestPostProcessors.user(ADMIN)
		.roles("ADMIN");

	private static final RequestPostProcessor STAFF_USER = SecurityMockMvcRequestPostProcessors.user(STAFF)
		.roles("STAFF");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLoginLandsOnTheHomePageAndTheListsPageStillWorks() throws Exception {
		mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD)).andExpect(redirectedUrl("/admin"));
		mvc.perform(get("/").with(ADMIN_USER)).andExpect(redirectedUrl("/admin"));
		mvc.perform(get("/admin/lists").with(ADMIN_USER)).andExpect(status().isOk());
		Document home = page(ADMIN_USER);
		assertThat(home.select("nav a[href=/admin]").text()).isEqualTo("Home");
		assertThat(home.select("a.brand").attr("href")).isEqualTo("/admin");
	}

	@Test
	void countsHeldPostsReviewBouncesFailedNoticesAndShowsASendInProgress() throws Exception {
		long reviewBefore = count(page(ADMIN_USER), "Bounce messages to review");
		long failedNoticesBefore = count(page(ADMIN_USER), "Notices that could not be sent");
		long failedInboundBefore = count(page(ADMIN_USER), "Received mail that could not be processed");
		MailingList list = newList("ACTION");
		heldPost(list);
		reviewBounce(list);
		failedNotice();
		long campaign = sendInProgress(list, "Call your MP today " + list.slug());
		try {
			Document home = page(ADMIN_USER);
			Element held = item(home, "Posts held for moderation on " + list.name()).orElseThrow();
			assertThat(held.selectFirst("a").attr("href")).isEqualTo("/admin/lists/" + list.slug() + "/moderation");
			assertThat(held.selectFirst(".count").text()).isEqualTo("1");
			assertThat(count(home, "Bounce messages to review")).isEqualTo(reviewBefore + 1);
			assertThat(count(home, "Received mail that could not be processed")).isEqualTo(failedInboundBefore + 1);
			assertThat(count(home, "Notices that could not be sent")).isEqualTo(failedNoticesBefore + 1);
			assertThat(item(home, "Notices that could not be sent").orElseThrow().selectFirst("a").attr("href"))
				.isEqualTo("/admin/outbox");

			Element send = home.select("#sending-now li").stream()
				.filter(li -> li.text().contains("Call your MP today " + list.slug())).findFirst().orElseThrow();
			assertThat(send.selectFirst("a").attr("href")).isEqualTo("/admin/campaigns/" + campaign);
			assertThat(send.selectFirst("progress").attr("value")).isEqualTo("50");
			assertThat(send.text()).contains("2 of 4 sent (50%)");
		}
		finally {
			jdbc.sql("update campaigns set status = 'CANCELLED' where id = :id").param("id", campaign).update();
		}
	}

	@Test
	void staffWhoAreNotAdminsSeeOnlyWhatTheyMayActOn() throws Exception {
		MailingList list = newList("ACTION");
		heldPost(list);
		reviewBounce(list);
		failedNotice();
		Document home = page(STAFF_USER);
		assertThat(item(home, "Posts held for moderation on " + list.name())).isPresent();
		assertThat(item(home, "Bounce messages to review")).isEmpty();
		assertThat(item(home, "Notices that could not be sent")).isEmpty();
		assertThat(item(home, "Received mail that could not be processed")).isEmpty();
	}

	/**
	 * In a transaction that is rolled back (MockMvc runs the page in the test's thread, so it sees the test's
	 * uncommitted changes): with no held post anywhere, staff have nothing to act on.
	 */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void saysNothingNeedsYourAttentionWhenThereIsNothingToActOn() throws Exception {
		MailingList list = newList("ACTION");
		heldPost(list);
		assertThat(page(STAFF_USER).select("#nothing")).isEmpty();
		jdbc.sql("update posts set status = 'DISCARDED' where status = 'HELD'").update();
		Document home = page(STAFF_USER);
		assertThat(home.select("#attention li")).isEmpty();
		assertThat(home.select("#nothing").text()).isEqualTo("Nothing needs your attention.");
	}

	@Test
	void warnsWhenAListsComplaintRateIsOverThreeInAThousand() throws Exception {
		MailingList noisy = newList("INFORMATIONAL");
		MailingList quiet = newList("INFORMATIONAL");
		long complainer = sent(noisy, 200);
		sent(quiet, 200);
		jdbc.sql("""
				insert into bounce_events (list_id, subscriber_id, source, recipient, kind, classification, reason)
				values (:l, :s, 'SMTP', 'x@example.org', 'COMPLAINT', 'NONE', 'feedback')
				""").param("l", noisy.id()).param("s", complainer).update();
		Document home = page(ADMIN_USER);
		Element warning = home.select("#attention li.warning").stream()
			.filter(li -> li.text().contains(noisy.name())).findFirst().orElseThrow();
		assertThat(warning.text()).contains("Complaint rate on " + noisy.name() + " is 0.50%")
			.contains("1 of 200 messages in the last 30 days");
		assertThat(warning.selectFirst("a").attr("href")).isEqualTo("/admin/bounces?list=" + noisy.slug());
		assertThat(home.select("#attention li").text()).doesNotContain(quiet.name());
	}

	@Test
	void listsShowTheirMembersAndWhoJoinedAndLeftInTheLastThirtyDays() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		member(list, "ACTIVE", "now()", "now()");
		member(list, "ACTIVE", "now()", "now()");
		member(list, "ACTIVE", "now() - interval '90 days'", "now() - interval '90 days'");
		member(list, "UNSUBSCRIBED", "now() - interval '90 days'", "now() - interval '2 days'");
		member(list, "PENDING", "null", "now()");
		Element row = page(ADMIN_USER).select("#home-lists tr").stream()
			.filter(tr -> tr.text().contains(list.name())).findFirst().orElseThrow();
		assertThat(row.select("td").eachText()).containsExactly(list.name(), "3", "1", "+2 joined, 1 left");
		assertThat(row.selectFirst("a").attr("href")).isEqualTo("/admin/lists/" + list.slug());
	}

	@Test
	void showsScheduledAndDraftCampaignsWithLinks() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		long draft = campaign(list, "DRAFT", "Draft about the march " + list.slug(), null);
		long scheduled = campaign(list, "SCHEDULED", "Scheduled newsletter " + list.slug(), "2099-01-01 12:30+00");
		Document home = page(ADMIN_USER);
		assertThat(home.select("#drafts a[href=/admin/campaigns/" + draft + "]").text())
			.isEqualTo("Draft about the march " + list.slug());
		Element row = home.select("#scheduled a[href=/admin/campaigns/" + scheduled + "]").first().closest("tr");
		assertThat(row.text()).contains("Scheduled newsletter " + list.slug()).contains(list.name())
			.contains("2099-01-01 12:30 UTC");
	}

	private Document page(RequestPostProcessor who) throws Exception {
		String html = mvc.perform(get("/admin").with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private static Optional<Element> item(Document home, String label) {
		return home.select("#attention li").stream().filter(li -> li.selectFirst("a").text().equals(label)).findFirst();
	}

	private static long count(Document home, String label) {
		return item(home, label).map(li -> Long.parseLong(li.selectFirst(".count").text())).orElse(0L);
	}

	private void heldPost(MailingList list) {
		jdbc.sql("""
				insert into posts (list_id, raw_sha256, status, sender, subject, raw)
				values (:l, md5(random()::text), 'HELD', 'visitor@example.net', 'Held for the home page', '\\x00')
				""").param("l", list.id()).update();
	}

	private long inbound(MailingList list, String state) {
		return jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, size, raw, state, note)
				values ('SMTP', '', :to, 1, '\\x00', :state, 'for the home page') returning id
				""").param("to", list.slug() + "-bounces@localhost").param("state", state).query(Long.class).single();
	}

	private void reviewBounce(MailingList list) {
		jdbc.sql("insert into bounce_messages (inbound_message_id, source, state) values (:i, 'SMTP', 'REVIEW')")
			.param("i", inbound(list, "HANDLED")).update();
		inbound(list, "FAILED");
	}

	private void failedNotice() {
		jdbc.sql("""
				insert into outbox (kind, from_address, to_address, subject, text_body, state, attempts, last_error)
				values ('TEST', 'news@localhost', 'nobody@example.org', 'A notice', 'x', 'FAILED', 5, '550 no')
				""").update();
	}

	private long subscriber() {
		return jdbc.sql("insert into subscribers (email) values (md5(random()::text) || '@example.org') returning id")
			.query(Long.class).single();
	}

	private void member(MailingList list, String status, String subscribedAt, String changedAt) {
		jdbc.sql("insert into memberships (list_id, subscriber_id, status, subscribed_at, status_changed_at, awaiting)"
				+ " values (:l, :s, :status, " + subscribedAt + ", " + changedAt + ", "
				+ ("PENDING".equals(status) ? "'CONFIRMATION'" : "null") + ")")
			.param("l", list.id()).param("s", subscriber()).param("status", status).update();
	}

	private long campaign(MailingList list, String status, String subject, String scheduledAt) {
		return jdbc.sql("""
				insert into campaigns (list_id, status, subject, layout, from_address, scheduled_at)
				values (:l, :status, :subject, 'newsletter', 'news@localhost', cast(:at as timestamptz)) returning id
				""").param("l", list.id()).param("status", status).param("subject", subject).param("at", scheduledAt)
			.query(Long.class).single();
	}

	private long sendInProgress(MailingList list, String subject) {
		long id = campaign(list, "SENDING", subject, null);
		for (String status : new String[] { "SENT", "SENT", "QUEUED", "QUEUED" }) {
			delivery(id, subscriber(), status);
		}
		return id;
	}

	/** A sent campaign of {@code n} messages; returns one of its recipients. */
	private long sent(MailingList list, int n) {
		long id = campaign(list, "SENT", "Sent " + list.slug(), null);
		long first = 0;
		for (int i = 0; i < n; i++) {
			long s = subscriber();
			first = i == 0 ? s : first;
			delivery(id, s, "SENT");
		}
		return first;
	}

	private void delivery(long campaign, long subscriber, String status) {
		jdbc.sql("""
				insert into deliveries (campaign_id, subscriber_id, address, status, sent_at)
				values (:c, :s, 'd' || :s || '@example.org', :status, case when :status = 'SENT' then now() end)
				""").param("c", campaign).param("s", subscriber).param("status", status).update();
	}

}
