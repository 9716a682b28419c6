package org.listserv.bounces;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@code process-bounces} every {@code listserv.bounces.interval} (default 60s) when
 * {@code listserv.bounces.background} (default true). At start-up, a run left STARTED by a dead process is
 * marked failed, so the next tick restarts it. Assumes one instance runs the scheduler.
 */
@Component
@ConditionalOnProperty(name = "listserv.bounces.background", havingValue = "true", matchIfMissing = true)
class BounceScheduler {

	private static final Logger log = LoggerFactory.getLogger(BounceScheduler.class);

	private final ProcessBounces job;

	private final JobRepository jobs;

	private final JobOperator operator;

	BounceScheduler(ProcessBounces job, JobRepository jobs, JobOperator operator) {
		this.job = job;
		this.jobs = jobs;
		this.operator = operator;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recover() {
		Set<JobExecution> stale = jobs.findRunningJobExecutions(ProcessBouncesJobConfiguration.JOB);
		for (JobExecution e : stale) {
			log.warn("process-bounces execution {} was left running by a dead process: marking it failed", e.getId());
			operator.recover(e);
		}
	}

	@Scheduled(fixedDelayString = "${listserv.bounces.interval:60s}", initialDelayString = "20s")
	void tick() {
		job.run();
	}

}
