package org.listserv.sending;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.composing.CampaignService;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class SendingRecoveryIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CampaignService campaigns;

	@Autowired
	CampaignSending sending;

	@Autowired
	SendingScheduler scheduler;

	@Autowired
	JobRepository jobs;

	@Test
	void aSendLeftStartedByADeadProcessIsMarkedFailedAndRestartedAtStartUp() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		jdbc.sql("""
				with s as (insert into subscribers (email, name)
				  select 'r' || g || '@' || :domain, '' from generate_series(1, 7) g returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at) select :list, id, 'ACTIVE', now() from s
				""").param("domain", list.slug() + ".example.org").param("list", list.id()).update();
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"Recovered\",\"body\":\"Hello\"}"))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
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
		assertThat(SendCampaignJobTests.mailToDomain(list)).hasSize(7);
	}

}
