package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;
import org.listserv.sending.CampaignSending;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bounces end to end: DSNs to the VERP address of a really sent campaign through the SMTP listener, the
 * process-bounces job, the scores, states, ledger, notices, the review queue, the job's restart, the pages.
 */
class BouncesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CampaignSending sending;

	@Autowired
	ProcessBounces job;

	@Autowired
	Environment environment;

	@AfterEach
	void noFault() {
		ProcessBouncesJobConfiguration.chunkFault = null;
		ProcessBouncesJobConfiguration.itemFault = null;
	}

	int smtpPort() {
		return Integer.parseInt(environment.getProperty("local.listserv.inbound.smtp.port"));
	}

	void addMembers(MailingList list, String... locals) {
		for (String local : locals) {
			jdbc.sql("""
					with s as (insert into subscribers (email, name) values (:email, :name) returning id)
					insert into memberships (list_id, subscriber_id, status, subscribed_at)
					select :list, id, 'ACTIVE', now() from s
					""").param("email", email(list, local)).param("name", "Member " + local)
				.param("list", list.id()).update();
		}
	}

	static String email(MailingList list, String local) {
		return local + "@" + list.slug() + ".example.org";
	}

	static String bounces(MailingList list, String token) {
		return list.slug() + "-bounces" + (token == null ? "" : "+" + token) + "@lists.example.org";
	}

	/** A campaign sent to every member through the real send job (to GreenMail). */
	long sendCampaign(MailingList list) throws Exception {
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"Hello members\",\"body\":\"Dear {{subscriber.name}}\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
		sending.send(id);
		awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(60));
		return id;
	}

	String token(long campaignId, MailingList list, String local) {
		return jdbc.sql("select verp_token from deliveries where campaign_id = :c and address = :a")
			.param("c", campaignId).param("a", email(list, local)).query(String.class).single();
	}

	/** Waits until the inbound processor has queued the message for process-bounces. */
	void awaitQueued(String recipient) {
		await("a queued bounce for " + recipient).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql("""
					select count(*) from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
					 where i.recipient = :r and b.state = 'QUEUED'
					""").param("r", recipient).query(Long.class).single() > 0);
	}

	String memberStatus(MailingList list, String local) {
		return jdbc.sql("""
				select m.status from memberships m join subscribers s on s.id = m.subscriber_id
				 where m.list_id = :l and s.email = :e
				""").param("l", list.id()).param("e", email(list, local)).query(String.class).single();
	}

	long subscriberId(MailingList list, String local) {
		return jdbc.sql("select id from subscribers where email = :e").param("e", email(list, local))
			.query(Long.class).single();
	}

	long events(MailingList list) {
		return jdbc.sql("select count(*) from bounce_events where list_id = :l").param("l", list.id())
			.query(Long.class).single();
	}

	@Test
	void dsnsAtTheVerpAddressOfASentCampaignDisableTheMemberWithEvidenceLedgerAndNotice() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		listService.update(list.slug(), new ListRequest(null, null, null, null, null, null, null, null, null, null, null,
				null, null, new BigDecimal("2")));
		addMembers(list, "gone", "fine");
		long campaign = sendCampaign(list);
		String token = token(campaign, list, "gone");
		String to = bounces(list, token);

		assertThat(BounceFixtures.deliver(smtpPort(), to,
				BounceFixtures.dsn(to, email(list, "gone"), "5.1.1", "550 5.1.1 <gone>: Recipient address rejected: User unknown")))
			.startsWith("250");
		awaitQueued(to);
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(memberStatus(list, "gone")).isEqualTo("ACTIVE");
		assertThat(jdbc.sql("select bounce_score from memberships where list_id = :l and subscriber_id = :s")
			.param("l", list.id()).param("s", subscriberId(list, "gone")).query(BigDecimal.class).single())
			.isEqualByComparingTo("1");

		// a day passes (the score counts one bounce a day); the next campaign's DSN comes
		jdbc.sql("update memberships set bounce_last_day = bounce_last_day - 1 where list_id = :l")
			.param("l", list.id()).update();
		assertThat(BounceFixtures.deliver(smtpPort(), to,
				BounceFixtures.dsn(to, email(list, "gone"), "5.1.1", "550 5.1.1 User unknown"))).startsWith("250");
		awaitQueued(to);
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(memberStatus(list, "gone")).isEqualTo("DISABLED");
		assertThat(memberStatus(list, "fine")).isEqualTo("ACTIVE");
		List<java.util.Map<String, Object>> rows = jdbc.sql("""
				select source, classification, status, diagnostic, campaign_id, delivery_id, action, inbound_message_id
				  from bounce_events where list_id = :l order by id
				""").param("l", list.id()).query().listOfRows();
		assertThat(rows).hasSize(2);
		assertThat(rows).allSatisfy(r -> {
			assertThat(r.get("source")).isEqualTo("SMTP");
			assertThat(r.get("classification")).isEqualTo("HARD");
			assertThat(r.get("status")).isEqualTo("5.1.1");
			assertThat((String) r.get("diagnostic")).isNotBlank();
			assertThat(r.get("campaign_id")).isEqualTo(campaign);
			assertThat(r.get("inbound_message_id")).isNotNull();
		});
		assertThat(rows.get(0).get("action")).isNull();
		assertThat(rows.get(1).get("action")).isEqualTo("DISABLED");

		var ledger = jdbc.sql("""
				select old_status, new_status, source, actor, message_id, consent_text from consent_events
				 where list_id = :l and subscriber_id = :s order by id desc limit 1
				""").param("l", list.id()).param("s", subscriberId(list, "gone")).query().singleRow();
		assertThat(ledger.get("old_status")).isEqualTo("ACTIVE");
		assertThat(ledger.get("new_status")).isEqualTo("DISABLED");
		assertThat(ledger.get("source")).isEqualTo("BOUNCE_JOB");
		assertThat((String) ledger.get("consent_text")).contains("Bounce event #").contains("5.1.1").contains("threshold 2");
		assertThat((String) ledger.get("message_id")).startsWith("<dsn-");

		MimeMessage notice = awaitMail(email(list, "gone"), 2).stream()
			.filter(m -> {
				try {
					return m.getSubject().contains("paused");
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			})
			.findFirst().orElseThrow();
		assertThat(body(notice)).contains("Hello Member gone,").contains(email(list, "gone"))
			.contains(list.slug() + "-owner@lists.example.org").contains("userunknown");

		// the raw message, on demand, as text
		long inbound = (Long) rows.get(1).get("inbound_message_id");
		mvc.perform(get("/admin/bounces/raw/" + inbound).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Final-Recipient: rfc822; " + email(list, "gone"))));
		mvc.perform(get("/admin/bounces/raw/" + inbound).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isForbidden());

		// the member page shows the evidence; re-enable resets the score and writes the ledger
		long gone = subscriberId(list, "gone");
		mvc.perform(get("/admin/bounces/members/" + gone).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Recipient address rejected")));
		mvc.perform(get("/admin/bounces/members/" + gone).with(user(ADMIN).roles("ADMIN")).header("Accept-Language", "es"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("contado, puntuación 1,0")));
		mvc.perform(post("/admin/bounces/members/" + gone + "/reenable").param("list", list.slug())
			.with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(memberStatus(list, "gone")).isEqualTo("ACTIVE");
		assertThat(jdbc.sql("select bounce_score from memberships where list_id = :l and subscriber_id = :s")
			.param("l", list.id()).param("s", gone).query(BigDecimal.class).single()).isEqualByComparingTo("0");
		assertThat(jdbc.sql("""
				select source || ':' || new_status from consent_events where list_id = :l and subscriber_id = :s
				 order by id desc limit 1
				""").param("l", list.id()).param("s", gone).query(String.class).single()).isEqualTo("ADMIN:ACTIVE");

		// running the job again records nothing twice
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(events(list)).isEqualTo(2);
	}

	@Test
	void aReportThatNamesNoRecipientAddressSaysSoInTheReviewQueueInsteadOfNull() throws Exception {
		MailingList list = newList("ACTION");
		String to = bounces(list, null);
		// a delivery-status part with a failed recipient block but no Final-Recipient field
		String report = """
				From: MAILER-DAEMON@mx.example.net
				To: %s
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <nr-%d@mx.example.net>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				Your message could not be delivered.

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.net

				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 User unknown

				--b1--
				""".formatted(to, System.nanoTime()).replace("\n", "\r\n");
		BounceFixtures.deliver(smtpPort(), to, report);
		awaitQueued(to);
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);

		var row = jdbc.sql("""
				select b.state, b.note from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient = :to
				""").param("to", to).query().singleRow();
		assertThat(row.get("state")).isEqualTo("REVIEW");
		assertThat((String) row.get("note")).isEqualTo(
				"No VERP token and no recipient address found in the message (list " + list.slug() + ")")
			.doesNotContain("null");
	}

	@Test
	void aBounceNobodyCanBeFoundForGoesToReviewWhereAnAdminAssignsOrDiscardsIt() throws Exception {
		MailingList list = newList("ACTION");
		addMembers(list, "known");
		String to = bounces(list, null);
		BounceFixtures.deliver(smtpPort(), to, BounceFixtures.dsn(to, "stranger@elsewhere.example", "5.1.1", "550 no such user"));
		awaitQueued(to);
		String junkTo = bounces(list, "no-such-token");
		BounceFixtures.deliver(smtpPort(), junkTo, BounceFixtures.notABounce(junkTo));
		awaitQueued(junkTo);
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);

		List<java.util.Map<String, Object>> review = jdbc.sql("""
				select b.id, b.state, b.note from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient in (:a, :b) order by b.id
				""").param("a", to).param("b", junkTo).query().listOfRows();
		assertThat(review).extracting(r -> r.get("state")).containsExactly("REVIEW", "REVIEW");
		assertThat((String) review.get(0).get("note")).contains("stranger@elsewhere.example");
		assertThat(events(list)).isZero();

		mvc.perform(get("/admin/bounces/review").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(junkTo)));

		long first = (Long) review.get(0).get("id");
		mvc.perform(post("/admin/bounces/review/" + first + "/assign").param("email", email(list, "nobody"))
			.with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(events(list)).as("not a member: refused").isZero();
		mvc.perform(post("/admin/bounces/review/" + first + "/assign").param("email", email(list, "known"))
			.with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(events(list)).isEqualTo(1);
		assertThat(jdbc.sql("select state from bounce_messages where id = :id").param("id", first)
			.query(String.class).single()).isEqualTo("ASSIGNED");

		long second = (Long) review.get(1).get("id");
		mvc.perform(post("/admin/bounces/review/" + second + "/discard").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select state || ':' || decided_by from bounce_messages where id = :id").param("id", second)
			.query(String.class).single()).isEqualTo("DISCARDED:" + ADMIN);
	}

	@Test
	void aFailureHalfWayThroughTheJobLosesNothingAndTheRestartCountsEverythingOnce() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "a", "b", "c");
		long campaign = sendCampaign(list);
		for (String member : List.of("a", "b")) {
			String to = bounces(list, token(campaign, list, member));
			BounceFixtures.deliver(smtpPort(), to, BounceFixtures.dsn(to, email(list, member), "4.2.2", "452 4.2.2 Mailbox full"));
			awaitQueued(to);
		}
		// c's delivery failed at send time with a 5xx, as the send job records it
		long failed = jdbc.sql("""
				update deliveries set status = 'FAILED', smtp_reply = '550 5.1.1 <c>: user unknown'
				 where campaign_id = :c and address = :a returning id
				""").param("c", campaign).param("a", email(list, "c")).query(Long.class).single();
		ProcessBouncesJobConfiguration.chunkFault = (step, id) -> {
			if (step.equals("sync") && id == failed) {
				throw new IllegalStateException("the test fails the sync step on purpose");
			}
		};
		assertThat(job.run()).isEqualTo(BatchStatus.FAILED);
		JobExecution broken = job.lastExecution();
		// the messages step committed before the failure; the synchronous failure was not recorded
		assertThat(events(list)).isEqualTo(2);
		assertThat(jdbc.sql("select bounce_recorded_at is null from deliveries where id = :id").param("id", failed)
			.query(Boolean.class).single()).isTrue();

		ProcessBouncesJobConfiguration.chunkFault = null;
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		JobExecution restarted = job.lastExecution();
		assertThat(restarted.getJobInstance().getInstanceId()).as("a restart of the failed instance")
			.isEqualTo(broken.getJobInstance().getInstanceId());
		assertThat(events(list)).isEqualTo(3);
		var sync = jdbc.sql("select source, classification, reply_code from bounce_events where delivery_id = :d")
			.param("d", failed).query().singleRow();
		assertThat(sync.get("source")).isEqualTo("SYNC");
		assertThat(sync.get("classification")).isEqualTo("HARD");
		assertThat(sync.get("reply_code")).isEqualTo(550);
		assertThat(jdbc.sql("""
				select string_agg(classification, ',' order by id) from bounce_events
				 where list_id = :l and source = 'SMTP'
				""").param("l", list.id()).query(String.class).single()).isEqualTo("SOFT,SOFT");

		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(events(list)).isEqualTo(3);
	}

	@Test
	void theDashboardCsvAndApiShowTheBouncesToAdminsOnly() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "=cmd");
		long campaign = sendCampaign(list);
		String to = bounces(list, token(campaign, list, "=cmd"));
		BounceFixtures.deliver(smtpPort(), to, BounceFixtures.dsn(to, email(list, "=cmd"), "5.1.1", "-550 user unknown"));
		awaitQueued(to);
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);

		mvc.perform(get("/admin/bounces").param("list", list.slug()).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("0.3% Gmail/Yahoo limit")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<svg class=\"chart\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(list.slug() + ".example.org")));
		// in Spanish the rates have a decimal comma: 1 of 1 sent bounced
		mvc.perform(get("/admin/bounces").param("list", list.slug()).with(user(ADMIN).roles("ADMIN"))
			.header("Accept-Language", "es"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<td class=\"num\">100,00 %</td>")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("100,0\u00a0%</title></rect>")));
		mvc.perform(get("/admin/bounces").with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());

		String csv = mvc.perform(get("/admin/bounces.csv").param("list", list.slug()).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180.builder()
			.setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("email")).isEqualTo("'=cmd@" + list.slug() + ".example.org");
		assertThat(records.get(0).get("classification")).isEqualTo("HARD");
		assertThat(records.get(0).get("diagnostic")).contains("550 user unknown");
		assertThat(csv).doesNotContain(",=cmd@");

		mvc.perform(get("/api/bounces").param("list", list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.list").value(list.slug()))
			.andExpect(jsonPath("$.totals.hard").value(1))
			.andExpect(jsonPath("$.events[0].classification").value("HARD"))
			.andExpect(jsonPath("$.events[0].email").value(email(list, "=cmd")))
			.andExpect(jsonPath("$.events[0].campaignId").value(campaign));
		mvc.perform(get("/api/bounces").with(httpBasic(STAFF, STAFF_PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/bounces").param("since", "yesterday").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aComplaintUnsubscribesAtOnceAndAVacationReplyCountsNothing() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "angry", "away");
		long campaign = sendCampaign(list);
		String angry = bounces(list, token(campaign, list, "angry"));
		BounceFixtures.deliver(smtpPort(), angry, BounceFixtures.complaint(angry, email(list, "angry"), angry));
		awaitQueued(angry);
		String away = bounces(list, token(campaign, list, "away"));
		BounceFixtures.deliver(smtpPort(), away, BounceFixtures.vacation(away, email(list, "away")));
		awaitQueued(away);
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(memberStatus(list, "angry")).isEqualTo("UNSUBSCRIBED");
		assertThat(memberStatus(list, "away")).isEqualTo("ACTIVE");
		var complaint = jdbc.sql("select kind, classification, action, counted from bounce_events where subscriber_id = :s")
			.param("s", subscriberId(list, "angry")).query().singleRow();
		assertThat(complaint.get("kind")).isEqualTo("COMPLAINT");
		assertThat(complaint.get("classification")).isEqualTo("NONE");
		assertThat(complaint.get("action")).isEqualTo("UNSUBSCRIBED");
		assertThat(complaint.get("counted")).isEqualTo(false);
		assertThat(jdbc.sql("""
				select source || ':' || old_status || '>' || new_status from consent_events
				 where list_id = :l and subscriber_id = :s order by id desc limit 1
				""").param("l", list.id()).param("s", subscriberId(list, "angry")).query(String.class).single())
			.isEqualTo("BOUNCE_JOB:ACTIVE>UNSUBSCRIBED");
		var vacation = jdbc.sql("select kind, classification, counted, action from bounce_events where subscriber_id = :s")
			.param("s", subscriberId(list, "away")).query().singleRow();
		assertThat(vacation.get("kind")).isEqualTo("AUTO_REPLY");
		assertThat(vacation.get("classification")).isEqualTo("NONE");
		assertThat(vacation.get("counted")).isEqualTo(false);
		assertThat(vacation.get("action")).isNull();
	}

	@Test
	void aSpanishMemberGetsTheBounceNoticeAndReminderInSpanishAndAnEnglishMemberInEnglish() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		listService.update(list.slug(), new ListRequest(null, null, null, null, null, null, null, null, null, null, null,
				null, null, new BigDecimal("1")));
		addMembers(list, "rosa", "sam");
		jdbc.sql("update subscribers set language = 'es' where email = :e").param("e", email(list, "rosa")).update();
		long campaign = sendCampaign(list);
		for (String local : List.of("rosa", "sam")) {
			String to = bounces(list, token(campaign, list, local));
			BounceFixtures.deliver(smtpPort(), to, BounceFixtures.dsn(to, email(list, local), "5.1.1", "550 5.1.1 unknown user"));
			awaitQueued(to);
		}
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		jdbc.sql("update memberships set bounce_next_warning_at = now() - interval '1 second' where list_id = :l")
			.param("l", list.id()).update();
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		Duration within = Duration.ofSeconds(30);
		assertThat(body(awaitMail(email(list, "rosa"), "Pausamos sus mensajes de " + list.name(), within)))
			.contains("Hola Member rosa:", "pausamos su suscripción", "recordatorio(s) más");
		assertThat(body(awaitMail(email(list, "rosa"), "Recordatorio: sus mensajes de " + list.name() + " siguen en pausa",
				within))).contains("sigue en pausa");
		assertThat(body(awaitMail(email(list, "sam"), "Your messages from " + list.name() + " are paused", within)))
			.contains("Hello Member sam,");
		awaitMail(email(list, "sam"), "Reminder: your messages from " + list.name() + " are still paused", within);
		assertThat(awaitMail(email(list, "rosa"), 3)).hasSize(3);
		assertThat(awaitMail(email(list, "sam"), 3)).hasSize(3);
	}

	@Test
	void aDisabledMemberIsWarnedThenRemovedAfterTheLastWarning() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		listService.update(list.slug(), new ListRequest(null, null, null, null, null, null, null, null, null, null, null,
				null, null, new BigDecimal("1")));
		addMembers(list, "dead");
		long campaign = sendCampaign(list);
		String to = bounces(list, token(campaign, list, "dead"));
		BounceFixtures.deliver(smtpPort(), to, BounceFixtures.dsn(to, email(list, "dead"), "5.1.1", "550 5.1.1 unknown user"));
		awaitQueued(to);
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(memberStatus(list, "dead")).isEqualTo("DISABLED");
		long dead = subscriberId(list, "dead");
		// warnings default to 3: the notice when disabled is the first; two more, then removal
		for (int warning = 2; warning <= 3; warning++) {
			jdbc.sql("update memberships set bounce_next_warning_at = now() - interval '1 second' where list_id = :l")
				.param("l", list.id()).update();
			assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(memberStatus(list, "dead")).isEqualTo("DISABLED");
			assertThat(jdbc.sql("select bounce_warnings from memberships where list_id = :l and subscriber_id = :s")
				.param("l", list.id()).param("s", dead).query(Integer.class).single()).isEqualTo(warning);
		}
		assertThat(awaitMail(email(list, "dead"), 4)).hasSize(4); // the campaign, the notice, two reminders
		jdbc.sql("update memberships set bounce_next_warning_at = now() - interval '1 second' where list_id = :l")
			.param("l", list.id()).update();
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(memberStatus(list, "dead")).isEqualTo("REMOVED");
		assertThat(jdbc.sql("""
				select source || ':' || old_status || '>' || new_status || ':' || consent_text from consent_events
				 where list_id = :l and subscriber_id = :s order by id desc limit 1
				""").param("l", list.id()).param("s", dead).query(String.class).single())
			.startsWith("BOUNCE_JOB:DISABLED>REMOVED:").contains("warned 3 time(s)");
		String dashboard = mvc.perform(get("/admin/bounces").param("list", list.slug()).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(dashboard).contains(email(list, "dead")).contains(">Removed<").contains(">Disabled<")
			.contains("warned 3 time(s)");
	}

	@Test
	void aPoisonMessageGoesToReviewWithTheErrorAndTheOthersAreProcessed() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "one", "two", "three");
		long campaign = sendCampaign(list);
		List<String> addresses = new java.util.ArrayList<>();
		for (String member : List.of("one", "two", "three")) {
			String to = bounces(list, token(campaign, list, member));
			BounceFixtures.deliver(smtpPort(), to, BounceFixtures.dsn(to, email(list, member), "5.2.2", "552 5.2.2 Mailbox full"));
			awaitQueued(to);
			addresses.add(to);
		}
		// bad input: a DSN cut off half-way, and 8-bit garbage under a plain header
		String truncatedTo = bounces(list, token(campaign, list, "one"));
		String dsn = BounceFixtures.dsn(truncatedTo, email(list, "one"), "5.1.1", "550 5.1.1 unknown");
		BounceFixtures.deliver(smtpPort(), truncatedTo, dsn.substring(0, dsn.indexOf("Status:")));
		String garbageTo = bounces(list, null);
		BounceFixtures.deliver(smtpPort(), garbageTo, "Subject: \u00ff\u00fe\r\nContent-Type: multipart/report; boundary=\"x\"\r\n\r\n"
				+ "\u00ff\u00fe\u0001\u0002 --x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: \u00e9\r\n");
		awaitQueued(garbageTo);
		long poison = jdbc.sql("""
				select b.id from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient = :r
				""").param("r", addresses.get(1)).query(Long.class).single();
		ProcessBouncesJobConfiguration.itemFault = id -> {
			if (id == poison) {
				throw new IllegalStateException("poison on purpose");
			}
		};
		assertThat(job.run()).isEqualTo(BatchStatus.COMPLETED);

		var poisoned = jdbc.sql("select state, note from bounce_messages where id = :id").param("id", poison)
			.query().singleRow();
		assertThat(poisoned.get("state")).isEqualTo("REVIEW");
		assertThat((String) poisoned.get("note")).contains("poison on purpose");
		assertThat(memberStatus(list, "two")).isEqualTo("ACTIVE");
		assertThat(jdbc.sql("""
				select s.email from bounce_events e join subscribers s on s.id = e.subscriber_id
				 where e.list_id = :l order by s.email
				""").param("l", list.id()).query(String.class).list())
			.containsExactly(email(list, "one"), email(list, "one"), email(list, "three")); // one: the truncated DSN too
		assertThat(jdbc.sql("select count(*) from bounce_events where list_id = :l and counted").param("l", list.id())
			.query(Long.class).single()).as("one bounce a day counts").isEqualTo(2);
		// the bad input neither crashed the job nor vanished: every message of this list has a final state
		assertThat(jdbc.sql("""
				select count(*) from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient like :p and b.state = 'QUEUED'
				""").param("p", list.slug() + "-bounces%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select b.state from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id
				 where i.recipient = :r
				""").param("r", garbageTo).query(String.class).single()).isEqualTo("REVIEW");
	}

}
