package org.listserv.sending;

import java.time.Duration;
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

class SendingRecoveryIntegrationTests extends SendingIntegrationTest {

	@Autowired
	CampaignSending sending;

	@Autowired
	SendingScheduler scheduler;

	@Autowired
	JobRepository jobs;

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

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (campaigns.get(id).status() != CampaignStatus.SENT) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			Thread.sleep(100);
		}
		assertThat(jobs.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		while (jobs.getJobExecutions(instance).stream().noneMatch(e -> e.getStatus() == BatchStatus.COMPLETED)) {
			assertThat(System.nanoTime()).as("the restarted execution completes").isLessThan(deadline);
			Thread.sleep(100);
		}
		assertThat(mailToDomain(list)).hasSize(7);
	}

}
