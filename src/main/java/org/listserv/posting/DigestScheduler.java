package org.listserv.posting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts {@code send-digests} on {@code listserv.posting.digests.cron} (default 06:00 UTC every day; "-" turns
 * it off), with the cut-off at the start of the current minute. A failed run is restarted once at the next
 * trigger's start, before the new run (restart continues with the lists not done); a run left running by a
 * dead process is restarted when the application is ready.
 */
@Component
class DigestScheduler {

	private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

	private final JobOperator operator;

	private final Job job;

	private final JobRepository jobs;

	private volatile JobExecution lastFailed;

	DigestScheduler(JobOperator operator, Job sendDigestsJob, JobRepository jobs) {
		this.operator = operator;
		this.job = sendDigestsJob;
		this.jobs = jobs;
	}

	/** A run left STARTED by a dead process is marked failed and restarted (it continues with the lists not done). */
	@EventListener(ApplicationReadyEvent.class)
	void recover() {
		for (JobExecution e : jobs.findRunningJobExecutions(SendDigestsJobConfiguration.JOB)) {
			try {
				log.warn("send-digests execution {} was left running by a dead process: restarting it", e.getId());
				remember(operator.restart(operator.recover(e)));
			}
			catch (Exception ex) {
				log.error("Could not restart send-digests execution {}", e.getId(), ex);
			}
		}
	}

	@Scheduled(cron = "${listserv.posting.digests.cron:0 0 6 * * *}", zone = "UTC")
	void trigger() {
		JobExecution failed = lastFailed;
		if (failed != null) {
			lastFailed = null;
			try {
				remember(operator.restart(failed));
			}
			catch (Exception ex) {
				log.error("Could not restart send-digests execution {}", failed.getId(), ex);
			}
		}
		run(Instant.now().truncatedTo(ChronoUnit.MINUTES));
	}

	/** Runs the job for this cut-off and waits for it. */
	BatchStatus run(Instant cutoff) {
		try {
			JobExecution e = operator.start(job, new JobParametersBuilder().addLong("cutoff", cutoff.toEpochMilli())
				.toJobParameters());
			remember(e);
			return e.getStatus();
		}
		catch (Exception ex) {
			log.error("Could not run send-digests for {}", cutoff, ex);
			return BatchStatus.FAILED;
		}
	}

	private void remember(JobExecution e) {
		if (e.getStatus() == BatchStatus.FAILED) {
			lastFailed = e;
		}
	}

}
