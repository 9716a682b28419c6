package org.listserv.sending;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SendingRecoveryIntegrationTests extends SendingIntegrationTest {

	@Autowired
	CampaignSending sending;

	@Autowired
	SendingScheduler scheduler;

	@Autowired
	JobRepository jobs;

	@Autowired
	SendPartitions partitions;

	@Test
	void aSendLeftStartedByADeadProcessIsMarkedFailedAndRestartedAtStartUp() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "r", 7);
		long id = campaign(list, "Recovered", "Hello");
		sending.start(id);
		// what a process killed in the middle of a send leaves behind: an execution STARTED, never ended
		JobParameters params = new JobParametersBuilder().addLong("campaignId", id).addLong("run", 1L).toJobParameters();
		JobInstance instance = jobs.createJobInstance(SendCampaignJobConfiguration.JOB, params);
		JobExecution dead = jobs.createJobExecution(instance, params, new ExecutionContext());
		dead.setStatus(BatchStatus.STARTED);
		dead.setStartTime(LocalDateTime.now());
		jobs.update(dead);

		scheduler.recover();

		// one budget of 30 s for both waits
		Instant deadline = Instant.now().plusSeconds(30);
		awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(30));
		assertThat(jobs.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		await("the restarted execution completes").atMost(timeLeft(deadline)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jobs.getJobExecutions(instance).stream().anyMatch(e -> e.getStatus() == BatchStatus.COMPLETED));
		assertThat(mailToDomain(list)).hasSize(7);
	}

	@Test
	void aCampaignLeftSendingWithoutARunIsStartedByTheScheduler() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "s", 5);
		long id = campaign(list, "Never launched", "Hello");
		// what a launch that failed (or a process killed right after the transition) leaves: SENDING, no run
		sending.start(id);
		jdbc.sql("update campaigns set updated_at = now() - interval '2 minutes' where id = :id").param("id", id)
			.update();

		scheduler.tick();

		awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(30));
		assertThat(mailToDomain(list)).hasSize(5);
	}

	/** What is left of a budget that ends at {@code deadline} (at least the millisecond Awaitility needs). */
	private static Duration timeLeft(Instant deadline) {
		Duration left = Duration.between(Instant.now(), deadline);
		return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
	}

	@Test
	void aCampaignThatJustBecameSendingIsLeftToItsOwnLaunch() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "t", 2);
		long id = campaign(list, "Just started", "Hello");
		sending.start(id);

		assertThat(partitions.campaignsWithoutARun(SendingScheduler.STALL_GRACE)).doesNotContain(id);
		sending.cancel(id);
	}

}
