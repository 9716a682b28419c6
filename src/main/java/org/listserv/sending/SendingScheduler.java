package org.listserv.sending;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background side of sending (off for the command line): at start-up, sends left STARTED by a dead
 * process are marked failed and restarted; then, every {@code listserv.sending.scheduler-interval}, due
 * SCHEDULED campaigns are launched (action alerts by priority first) and due retries of deferred deliveries
 * run. Assumes one instance runs the scheduler.
 */
@Component
@ConditionalOnProperty(name = "listserv.sending.background", havingValue = "true", matchIfMissing = true)
class SendingScheduler {

	private static final Logger log = LoggerFactory.getLogger(SendingScheduler.class);

	private final CampaignSending sending;

	private final CampaignService campaigns;

	private final Deliveries deliveries;

	private final JobRepository jobs;

	private final JobOperator operator;

	SendingScheduler(CampaignSending sending, CampaignService campaigns, Deliveries deliveries, JobRepository jobs,
			JobOperator operator) {
		this.sending = sending;
		this.campaigns = campaigns;
		this.deliveries = deliveries;
		this.jobs = jobs;
		this.operator = operator;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recover() {
		Set<JobExecution> stale = jobs.findRunningJobExecutions(SendCampaignJobConfiguration.JOB);
		for (JobExecution e : stale) {
			long id = e.getJobParameters().getLong("campaignId");
			if (sending.isRunning(id)) {
				continue;
			}
			log.warn("Send of campaign {} (execution {}) was left running by a dead process: restarting it", id,
					e.getId());
			JobExecution failed = operator.recover(e);
			campaigns.transition(id, CampaignStatus.SENDING, CampaignStatus.FAILED);
			sending.restart(id, failed);
		}
	}

	@Scheduled(fixedDelayString = "${listserv.sending.scheduler-interval:30s}", initialDelayString = "10s")
	void tick() {
		for (long id : campaigns.due()) {
			try {
				sending.send(id);
				log.info("Scheduled campaign {} started", id);
			}
			catch (RuntimeException ex) {
				log.warn("Scheduled campaign {} cannot be sent: {}", id, ex.getMessage());
				campaigns.transition(id, CampaignStatus.FAILED, CampaignStatus.SCHEDULED);
			}
		}
		for (long id : deliveries.campaignsWithDueRetries()) {
			if (campaigns.get(id).status() == CampaignStatus.SENDING && !sending.isRunning(id)) {
				sending.launch(id);
			}
		}
	}

}
