package org.listserv.sending;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.listserv.IntegrationTest;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the sending tests share: members made in one statement, a campaign made through the API, waiting. */
abstract class SendingIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long campaign(MailingList list) throws Exception {
		return campaign(list, "Hello members", "Dear {{subscriber.name}}, read [this](https://example.org/x).");
	}

	/** A draft made by staff through {@code POST /api/campaigns}; its id. */
	long campaign(MailingList list, String subject, String body) throws Exception {
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"" + subject + "\",\"body\":\"" + body + "\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
	}

	/** Waits (up to 120 s: a send of thousands on a busy machine) until the campaign has the status. */
	void awaitStatus(long id, CampaignStatus expected) {
		awaitCampaign(id, expected, Duration.ofSeconds(120));
	}

	/** Every message GreenMail received for the list's test domain. */
	static List<MimeMessage> mailToDomain(MailingList list) {
		String domain = "@" + list.slug() + ".example.org";
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).endsWith(domain)).toList();
	}

	static String to(MimeMessage m) {
		try {
			return m.getRecipients(Message.RecipientType.TO)[0].toString().toLowerCase();
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	@Autowired
	CampaignSending sending;

	@Autowired
	Deliveries deliveries;

	@Autowired
	SendingSteps steps;

	@Autowired
	SendingProperties properties;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Autowired
	org.listserv.composing.CampaignMail campaignMail;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Autowired
	org.listserv.mail.MailProperties mailProperties;

	@Autowired
	Throttle throttle;

	@Autowired
	DkimSigning dkim;

	/**
	 * A campaign of the list moved to SENDING with its deliveries queued, as the job's first step leaves it:
	 * for tests that then drive the writer themselves. Its id.
	 */
	long queuedCampaign(MailingList list) throws Exception {
		long id = campaign(list);
		sending.start(id);
		steps.snapshot(id);
		return id;
	}

	/** The job's writer, sending over one connection at a time to {@code sink}. */
	DeliveryWriter writerTo(FakeSmtpServer sink) {
		return new DeliveryWriter(new SmtpPool(() -> new org.listserv.mail.SmtpConnection("127.0.0.1", sink.port(), null,
				null, new java.util.Properties()), 0, 0), deliveries, properties, Runnable::run, throttle, "test-instance");
	}

	/** The next {@code size} due deliveries, rendered and sent in one transaction, as a chunk of the job. */
	void sendNextChunk(DeliveryWriter writer, DeliveryRenderer renderer, long id, int size) {
		tx.executeWithoutResult(s -> writer.write(new org.springframework.batch.infrastructure.item.Chunk<>(
				deliveries.nextDue(id, 0, size).stream().map(renderer::process).toList())));
	}

	DeliveryRenderer renderer(long id) {
		return new DeliveryRenderer(campaignMail.prepare(campaigns.get(id)), json, mailProperties, dkim);
	}

}
