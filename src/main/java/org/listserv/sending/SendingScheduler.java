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
 * run, and a SENDING campaign whose send never started (a failed launch, a crash right after the
 * transition) is started; every {@code listserv.sending.join-interval}, sends of other instances get help. Safe with several
 * instances: starting a campaign is a conditional update, and ranges are claimed, so nobody is sent twice.
 */
@Component
@ConditionalOnProperty(name = "listserv.sending.background", havingValue = "true", matchIfMissing = true)
class SendingScheduler {

	private static final Logger log = LoggerFactory.getLogger(SendingScheduler.class);

	/** How long a SENDING campaign may wait for its first step before the scheduler starts its send. */
	static final java.time.Duration STALL_GRACE = java.time.Duration.ofMinutes(1);

	private final CampaignSending sending;

	private final CampaignService campaigns;

	private final Deliveries deliveries;

	private final JobRepository jobs;

	private final JobOperator operator;

	private final SendPartitions partitions;

	SendingScheduler(CampaignSending sending, CampaignService campaigns, Deliveries deliveries, JobRepository jobs,
			JobOperator operator, SendPartitions partitions) {
		this.partitions = partitions;
		this.sending = sending;
		this.campaigns = campaigns;
		this.deliveries = deliveries;
		this.jobs = jobs;
		this.operator = operator;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recover() {
		int released = partitions.releaseInstance(sending.instanceId());
		if (released > 0) {
			log.warn("{} ranges of deliveries were held by this instance when it stopped: free again", released);
		}
		Set<JobExecution> stale = jobs.findRunningJobExecutions(SendCampaignJobConfiguration.JOB);
		for (JobExecution e : stale) {
			long id = e.getJobParameters().getLong("campaignId");
			String launchedBy = e.getJobParameters().getString("instance");
			if (sending.isRunning(id) || (launchedBy != null && !launchedBy.equals(sending.instanceId()))) {
				// another instance's send: alive, or if not, its ranges come free when their leases lapse and
				// the join below takes them
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
		for (long id : partitions.campaignsWithoutARun(STALL_GRACE)) {
			if (!sending.isRunning(id)) {
				log.warn("Campaign {} is SENDING but its send never started: starting it now", id);
				sending.launch(id);
			}
		}
		for (long id : deliveries.campaignsWithDueRetries()) {
			if (campaigns.get(id).status() == CampaignStatus.SENDING && !sending.isRunning(id)) {
				sending.launch(id);
			}
		}
	}

	/**
	 * Several instances on one database: every {@code listserv.sending.join-interval}, a send with ranges free
	 * to claim (another instance's, or one whose instance died) that this instance is not running gets a
	 * helping run here.
	 */
	@Scheduled(fixedDelayString = "${listserv.sending.join-interval:5s}", initialDelayString = "${listserv.sending.join-interval:5s}")
	void join() {
		for (long id : partitions.campaignsNeedingHelp()) {
			if (!sending.isRunning(id)) {
				sending.join(id);
			}
		}
	}

}
