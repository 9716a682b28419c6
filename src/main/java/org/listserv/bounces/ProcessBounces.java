package org.listserv.bounces;

import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Runs the {@code process-bounces} job, one run at a time in this process: the last run if it failed or
 * stopped (Spring Batch restart), else a new instance. Called every minute by {@link BounceScheduler} and on
 * demand from the admin page.
 */
@Service
public class ProcessBounces {

	private static final Logger log = LoggerFactory.getLogger(ProcessBounces.class);

	private final JobOperator operator;

	private final JobRepository jobs;

	private final Job job;

	private final ReentrantLock running = new ReentrantLock();

	ProcessBounces(JobOperator operator, JobRepository jobs, Job processBouncesJob) {
		this.operator = operator;
		this.jobs = jobs;
		this.job = processBouncesJob;
	}

	/** Runs the job now and waits for it. @return its status, or null if a run is already going on here */
	public BatchStatus run() {
		if (!running.tryLock()) {
			return null;
		}
		try {
			JobExecution last = lastExecution();
			JobExecution e;
			if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
				log.info("Restarting the failed process-bounces execution {}", last.getId());
				e = operator.restart(last);
			}
			else {
				e = operator.start(job, new JobParametersBuilder().addLong("run", System.currentTimeMillis())
					.toJobParameters());
			}
			return e.getStatus();
		}
		catch (Exception ex) {
			log.error("Could not run process-bounces", ex);
			return BatchStatus.FAILED;
		}
		finally {
			running.unlock();
		}
	}

	/** The latest execution of the job, or null if it never ran. */
	JobExecution lastExecution() {
		JobInstance instance = jobs.getLastJobInstance(ProcessBouncesJobConfiguration.JOB);
		return instance == null ? null : jobs.getLastJobExecution(instance);
	}

}
