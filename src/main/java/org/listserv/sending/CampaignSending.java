package org.listserv.sending;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.composing.CampaignPriority;
import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;
import org.listserv.composing.Checklist;
import org.listserv.shared.ConflictException;
import org.listserv.shared.Text;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Sending campaigns: start, pause, resume, cancel, and the progress of a send. A send runs the
 * {@code send-campaign} job on a background thread; one run per campaign at a time in this process. The
 * progress is {@link SendProgress}.
 */
@Service
public class CampaignSending implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CampaignSending.class);

	/** How often a launch is tried when the job's metadata cannot be written for a transient reason. */
	private static final int LAUNCH_ATTEMPTS = 5;

	private final CampaignService campaigns;

	private final Deliveries deliveries;

	private final JobOperator operator;

	private final Job job;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** A run waiting for a worker: action alerts by priority, then newsletters, first come first served. */
	private record Launch(int rank, long order, Runnable task) implements Runnable, Comparable<Launch> {

		@Override
		public void run() {
			task.run();
		}

		@Override
		public int compareTo(Launch other) {
			return rank != other.rank ? Integer.compare(rank, other.rank) : Long.compare(order, other.order);
		}

	}

	private final AtomicLong launches = new AtomicLong();

	/** Up to four sends at once; more wait in priority order (alerts ahead of newsletters). */
	private final ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS,
			new PriorityBlockingQueue<>(), r -> {
				Thread t = new Thread(r, "send-campaign");
				t.setDaemon(true);
				return t;
			});

	private final SendPartitions partitions;

	private final SendingInstance instance;

	CampaignSending(CampaignService campaigns, Deliveries deliveries, JobOperator operator, Job sendCampaignJob,
			SendPartitions partitions, SendingInstance instance) {
		this.campaigns = campaigns;
		this.deliveries = deliveries;
		this.operator = operator;
		this.job = sendCampaignJob;
		this.partitions = partitions;
		this.instance = instance;
	}

	/** DRAFT or SCHEDULED to SENDING, if the checklist has no errors; the job starts in the background. */
	public void send(long id) {
		start(id);
		launch(id);
	}

	/**
	 * Launches the send of a row made already SENDING with its deliveries written (a member's post, a
	 * digest): no checklist, since there is no template to check.
	 */
	public void launchStored(long id) {
		launch(id);
	}

	/** Moves the campaign to SENDING (without launching). */
	void start(long id) {
		Checklist checklist = campaigns.checklist(id);
		if (!checklist.ready()) {
			throw new CampaignNotReadyException(checklist);
		}
		if (!campaigns.transition(id, CampaignStatus.SENDING, CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)) {
			throw refused("sending.error.not-sendable", id);
		}
	}

	/** SENDING to PAUSED: the job stops after the chunk in flight. */
	public void pause(long id) {
		if (!campaigns.transition(id, CampaignStatus.PAUSED, CampaignStatus.SENDING)) {
			throw refused("sending.error.not-pausable", id);
		}
	}

	/** PAUSED (or FAILED) to SENDING: the rest is sent. */
	public void resume(long id) {
		resume(id, true);
	}

	void resume(long id, boolean launch) {
		if (!campaigns.transition(id, CampaignStatus.SENDING, CampaignStatus.PAUSED, CampaignStatus.FAILED)) {
			throw refused("sending.error.not-resumable", id);
		}
		if (launch) {
			launch(id);
		}
	}

	Deliveries.Counts counts(long id) {
		return deliveries.counts(id);
	}

	CampaignStatus status(long id) {
		return campaigns.get(id).status();
	}

	/** Stops for good: what was not sent stays QUEUED and is never sent. */
	public void cancel(long id) {
		if (!campaigns.transition(id, CampaignStatus.CANCELLED, CampaignStatus.DRAFT, CampaignStatus.SCHEDULED,
				CampaignStatus.SENDING,
				CampaignStatus.PAUSED, CampaignStatus.FAILED)) {
			throw refused("sending.error.not-cancellable", id);
		}
	}

	/** Why a change of status was refused, naming the status as the campaign pages do. */
	private ConflictException refused(String key, long id) {
		return new ConflictException(new Text(key, new Text("composing.status." + campaigns.get(id).status().name())));
	}

	/** Starts a run in the background unless one is running here already. */
	void launch(long id) {
		inBackground(id, () -> run(id));
	}

	/**
	 * Queues {@code body} for a worker thread (in priority order) unless this campaign is running or queued here
	 * already; the campaign counts as running from now until {@code body} returns.
	 */
	private void inBackground(long id, Runnable body) {
		if (running.add(id)) {
			workers.execute(new Launch(rank(id), launches.incrementAndGet(), () -> {
				try {
					body.run();
				}
				finally {
					running.remove(id);
				}
			}));
		}
	}

	boolean isRunning(long id) {
		return running.contains(id);
	}

	/** Runs a new instance of the job for this campaign, in a new send round, and waits for it. */
	BatchStatus run(long id) {
		return run(id, campaigns.nextSendRound(id));
	}

	/**
	 * Helps another instance with its send of this campaign: runs the job in the campaign's current round, so
	 * its workers claim the ranges still free. In the background, unless this instance sends it already.
	 */
	void join(long id) {
		inBackground(id, () -> {
			log.info("Helping with the send of campaign {}", id);
			run(id, campaigns.sendRound(id));
		});
	}

	private BatchStatus run(long id, long round) {
		// a run called directly (the command line, tests) counts as running here too, so no helping run of
		// this instance joins it
		boolean mine = running.add(id);
		try {
			for (int attempt = 1;; attempt++) {
				try {
					JobExecution e = operator.start(job, new JobParametersBuilder().addLong("campaignId", id)
						.addLong("run", System.currentTimeMillis())
						.addLong("round", round)
						.addString("instance", instance.id())
						.toJobParameters());
					return e.getStatus();
				}
				catch (TransientDataAccessException ex) {
					// the job's metadata could not be written this time (a lock, a serialization conflict)
					if (attempt == LAUNCH_ATTEMPTS) {
						throw ex;
					}
					log.warn("Send of campaign {} could not start ({}); trying again", id, ex.getMessage());
					Thread.sleep(200L * attempt);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return BatchStatus.FAILED;
		}
		catch (Exception ex) {
			// the campaign stays SENDING: the scheduler launches a send that has no run (stalledSends)
			log.error("Could not run the send of campaign {}", id, ex);
			return BatchStatus.FAILED;
		}
		finally {
			if (mine) {
				running.remove(id);
			}
		}
	}

	String instanceId() {
		return instance.id();
	}

	/** Restarts a failed execution in the background. */
	void restart(long campaignId, JobExecution failed) {
		inBackground(campaignId, () -> {
			try {
				operator.restart(failed);
			}
			catch (Exception ex) {
				log.error("Could not restart the send of campaign {}", campaignId, ex);
			}
		});
	}

	/** URGENT, HIGH, NORMAL alerts, then newsletters (no priority). */
	private int rank(long id) {
		CampaignPriority p = campaigns.get(id).priority();
		return p == null ? 3 : switch (p) {
			case URGENT -> 0;
			case HIGH -> 1;
			default -> 2;
		};
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
	}

}
