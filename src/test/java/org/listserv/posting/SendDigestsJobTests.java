package org.listserv.posting;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

/** The send-digests job: one MIME digest per list and cut-off to DIGEST members, and its restart. */
class SendDigestsJobTests extends PostingIntegrationTest {

	@MockitoSpyBean
	DigestService digestService;

	@Autowired
	JobOperator operator;

	@Autowired
	Job sendDigestsJob;

	@Autowired
	Digests digests;

	private MailingList listWithPosts(String... subjects) throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "uma", "vic", "wes");
		jdbc.sql("""
				update memberships set delivery_mode = 'DIGEST' where list_id = :l
				  and subscriber_id = (select id from subscribers where email = :e)
				""").param("l", list.id()).param("e", "wes@" + domain(list)).update();
		for (String subject : subjects) {
			send(list, "uma@" + domain(list), postText("Uma <uma@" + domain(list) + ">", subject, "About " + subject));
			assertThat(awaitPost(list, subject)).isEqualTo("DISTRIBUTED");
		}
		return list;
	}

	@Test
	void aSpanishListsDigestIsWrittenInSpanish() throws Exception {
		MailingList list = listWithPosts("Ruta de la marcha");
		listService.update(list.slug(), new org.listserv.lists.ListRequest(null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, "es"));
		assertThat(run(Instant.now().plusSeconds(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		MimeMessage digest = awaitInbox("wes@" + domain(list), 1).get(0);
		assertThat(digest.getSubject()).startsWith("Resumen de " + list.name() + ", ").endsWith(", 1 mensaje");
		assertThat(((Multipart) digest.getContent()).getBodyPart(0).getContent().toString()).contains("Temas de hoy:",
				"1. Ruta de la marcha (Uma, ", "Para escribir a la lista: " + list.slug() + "@");
	}

	private JobExecution run(Instant cutoff) throws Exception {
		return operator.start(sendDigestsJob, new JobParametersBuilder().addLong("cutoff", cutoff.toEpochMilli())
			.toJobParameters());
	}

	@Test
	void digestMembersGetOneMimeDigestWithATableOfContentsInsteadOfEachPost() throws Exception {
		MailingList list = listWithPosts("Rally route", "Banners");
		String wes = "wes@" + domain(list);
		awaitInbox("vic@" + domain(list), 2);
		assertThat(inbox(wes)).isEmpty();

		assertThat(run(Instant.now().plusSeconds(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		MimeMessage digest = awaitInbox(wes, 1).get(0);
		assertThat(digest.getSubject()).startsWith(list.name() + " digest, ").endsWith("2 messages");
		Multipart mixed = (Multipart) digest.getContent();
		assertThat(mixed.getBodyPart(0).getContent().toString()).contains("1. Rally route (Uma, ")
			.contains("2. Banners (Uma, ");
		assertThat(mixed.getBodyPart(1).getContentType()).startsWith("multipart/digest");
		Multipart parts = (Multipart) mixed.getBodyPart(1).getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(((MimeMessage) parts.getBodyPart(0).getContent()).getSubject()).isEqualTo("[" + list.slug() + "] Rally route");
		assertThat(header(digest, "List-Unsubscribe")).contains("/unsubscribe/");
		assertThroughout(Duration.ofMillis(300), () -> {
			assertThat(inbox("vic@" + domain(list))).hasSize(2);
			assertThat(inbox("uma@" + domain(list))).isEmpty();
		});
	}

	@Test
	void restartAfterAFailureSendsTheRestAndNoListTwice() throws Exception {
		MailingList first = listWithPosts("Petition");
		MailingList second = listWithPosts("Leaflets");
		AtomicBoolean failOnce = new AtomicBoolean(true);
		doAnswer(inv -> {
			if (inv.getArgument(0).equals(second.id()) && failOnce.getAndSet(false)) {
				throw new IllegalStateException("simulated crash in the second list's chunk");
			}
			return inv.callRealMethod();
		}).when(digestService).send(anyLong(), any());

		JobExecution failed = run(Instant.now().plusSeconds(1));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(digests.count(first.id())).isEqualTo(1);
		assertThat(digests.count(second.id())).isZero();

		JobExecution restarted = operator.restart(failed);
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(digests.count(first.id())).isEqualTo(1);
		assertThat(digests.count(second.id())).isEqualTo(1);
		awaitInbox("wes@" + domain(first), 1);
		awaitInbox("wes@" + domain(second), 1);
		assertThroughout(Duration.ofMillis(500), () -> {
			assertThat(inbox("wes@" + domain(first))).hasSize(1);
			assertThat(inbox("wes@" + domain(second))).hasSize(1);
		});
	}

}
