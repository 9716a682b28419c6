package org.listserv.bounces;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.sending.DeliveryLedger;
import org.listserv.subscriptions.MemberBounces;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code process-bounces} job (parameter {@code run}: a new instance each time). Step {@code messages}
 * reads the QUEUED bounce messages by keyset in chunks and classifies, attributes, records and scores each;
 * step {@code sync} does the same for the 5xx replies the send job recorded ({@code deliveries} FAILED and not
 * yet {@code bounce_recorded_at}); step {@code warnings} sends due warnings to disabled members and removes
 * those warned enough. Each item runs in a savepoint of its chunk's transaction: an item that throws is rolled
 * back alone and its message goes to REVIEW with the error, so a poison message never stops the others.
 * Restartable: every item changes state in its chunk's transaction, so a rerun reads exactly what is left.
 * See {@code batch-jobs/process-bounces/README.md}.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "file:${listserv.batch-jobs-dir:batch-jobs}/process-bounces/job.properties",
		ignoreResourceNotFound = true)
class ProcessBouncesJobConfiguration {

	static final String JOB = "process-bounces";

	private static final Logger log = LoggerFactory.getLogger(ProcessBouncesJobConfiguration.class);

	/**
	 * A test seam: called with the step's name and each item's id inside the chunk's transaction, outside the
	 * item's savepoint, so a test can fail a chunk (and the job) half-way. Null in production.
	 */
	static volatile java.util.function.BiConsumer<String, Long> chunkFault;

	/** A test seam: called with each message's id inside its savepoint (a poison message). Null in production. */
	static volatile LongConsumer itemFault;

	@Bean
	Job processBouncesJob(JobRepository jobs, Step processBouncesMessages, Step processBouncesSync,
			Step processBouncesWarnings) {
		return new JobBuilder(JOB, jobs).start(processBouncesMessages)
			.next(processBouncesSync)
			.next(processBouncesWarnings)
			.build();
	}

	@Bean
	Step processBouncesMessages(JobRepository jobs, PlatformTransactionManager tx, BouncesProperties properties,
			ItemReader<Long> queuedBounceReader, BounceStore store, BounceProcessing processing) {
		ItemWriter<Long> writer = eachInSavepoint(tx, "messages", id -> {
			LongConsumer poison = itemFault;
			if (poison != null) {
				poison.accept(id);
			}
			processing.process(id);
		}, (id, ex) -> {
			log.warn("Bounce message {} could not be processed; it goes to review", id, ex);
			store.finish(id, BounceMessageState.REVIEW, null, "Error while processing: " + ex);
		});
		return new StepBuilder("messages", jobs).<Long, Long>chunk(properties.chunkSize(), tx)
			.reader(queuedBounceReader)
			.writer(writer)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step processBouncesSync(JobRepository jobs, PlatformTransactionManager tx, BouncesProperties properties,
			ItemReader<Long> syncFailureReader, DeliveryLedger deliveries, BounceProcessing processing) {
		ItemWriter<Long> writer = eachInSavepoint(tx, "sync", processing::processFailure, (id, ex) -> {
			// marked as recorded so it does not come back every minute; the log keeps the error
			log.warn("Synchronous failure of delivery {} could not be recorded as a bounce", id, ex);
			deliveries.failureRecorded(id);
		});
		return new StepBuilder("sync", jobs).<Long, Long>chunk(properties.chunkSize(), tx)
			.reader(syncFailureReader)
			.writer(writer)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step processBouncesWarnings(JobRepository jobs, PlatformTransactionManager tx, BouncesProperties properties,
			MemberBounces members, BounceRecorder recorder) {
		TransactionTemplate savepoint = nested(tx);
		return new StepBuilder("warnings", jobs).tasklet((contribution, context) -> {
			List<MemberBounces.DueWarning> due = members.lockDueWarnings(properties.chunkSize());
			boolean failed = false;
			for (MemberBounces.DueWarning w : due) {
				try {
					savepoint.executeWithoutResult(status -> recorder.warnOrRemove(w));
				}
				catch (RuntimeException ex) {
					log.warn("Bounce warning for {} on list {} failed; next run tries again", w.email(), w.listId(), ex);
					failed = true;
				}
			}
			contribution.incrementWriteCount(due.size());
			return failed || due.size() < properties.chunkSize() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
		}, tx).allowStartIfComplete(true).build();
	}

	@Bean
	@StepScope
	KeysetReader queuedBounceReader(BounceStore store, BouncesProperties properties) {
		return new KeysetReader((after, n) -> store.queuedAfter(after, n), properties.chunkSize());
	}

	@Bean
	@StepScope
	KeysetReader syncFailureReader(DeliveryLedger deliveries, BouncesProperties properties) {
		return new KeysetReader((after, n) -> deliveries.unrecordedFailuresAfter(after, n), properties.chunkSize());
	}

	private static void fault(String step, long id) {
		java.util.function.BiConsumer<String, Long> f = chunkFault;
		if (f != null) {
			f.accept(step, id);
		}
	}

	/**
	 * A writer that handles each id of the chunk in its own savepoint: an id that throws is rolled back alone
	 * and handed to {@code failed} (in the chunk's transaction), and the others go on.
	 */
	private static ItemWriter<Long> eachInSavepoint(PlatformTransactionManager tx, String step, LongConsumer handle,
			java.util.function.BiConsumer<Long, RuntimeException> failed) {
		TransactionTemplate savepoint = nested(tx);
		return (Chunk<? extends Long> chunk) -> {
			for (Long id : chunk) {
				fault(step, id);
				try {
					savepoint.executeWithoutResult(status -> handle.accept(id));
				}
				catch (RuntimeException ex) {
					failed.accept(id, ex);
				}
			}
		};
	}

	private static TransactionTemplate nested(PlatformTransactionManager tx) {
		TransactionTemplate t = new TransactionTemplate(tx);
		t.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		return t;
	}

	/** Reads ids page by page after the last one read: rows done meanwhile drop out by their state. */
	static class KeysetReader implements ItemReader<Long> {

		interface Page {

			List<Long> after(long afterId, int limit);

		}

		private final Page page;

		private final int size;

		private final Deque<Long> buffer = new ArrayDeque<>();

		private long last;

		private boolean exhausted;

		KeysetReader(Page page, int size) {
			this.page = page;
			this.size = size;
		}

		@Override
		public Long read() {
			if (buffer.isEmpty() && !exhausted) {
				List<Long> next = page.after(last, size);
				buffer.addAll(next);
				exhausted = next.size() < size;
			}
			Long id = buffer.poll();
			if (id != null) {
				last = id;
			}
			return id;
		}

	}

}
