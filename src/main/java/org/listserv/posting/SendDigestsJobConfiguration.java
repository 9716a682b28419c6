package org.listserv.posting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code send-digests} job (parameter {@code cutoff}: the end of the period in epoch milliseconds, identifying). One step: the
 * lists due a digest at the cut-off are read, and each list's digest is written with its deliveries in a chunk
 * of one list (its own transaction). A restart reads the due lists again, and lists whose digest for this
 * cut-off exists are no longer due: none is sent twice, none is skipped. See
 * {@code batch-jobs/send-digests/README.md}.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "file:${listserv.batch-jobs-dir:batch-jobs}/send-digests/job.properties",
		ignoreResourceNotFound = true)
class SendDigestsJobConfiguration {

	static final String JOB = "send-digests";

	@Bean
	Job sendDigestsJob(JobRepository jobs, Step sendDigestsStep) {
		return new JobBuilder(JOB, jobs).start(sendDigestsStep).build();
	}

	@Bean
	Step sendDigestsStep(JobRepository jobs, PlatformTransactionManager tx, ListItemReader<Long> dueDigests,
			ItemWriter<Long> digestWriter) {
		return new StepBuilder("digests", jobs).<Long, Long>chunk(1, tx)
			.reader(dueDigests)
			.writer(digestWriter)
			.build();
	}

	@Bean
	@StepScope
	ItemWriter<Long> digestWriter(@Value("#{jobParameters['cutoff']}") Long cutoff, DigestService digests) {
		OffsetDateTime at = cutoff(cutoff);
		return chunk -> {
			for (Long listId : chunk) {
				digests.send(listId, at);
			}
		};
	}

	/** The cut-off parameter: epoch milliseconds. */
	static OffsetDateTime cutoff(long epochMillis) {
		return java.time.Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
	}

	/** Step-scoped: the lists due at this run's cut-off, read when the step (re)starts. */
	@Bean
	@StepScope
	ListItemReader<Long> dueDigests(@Value("#{jobParameters['cutoff']}") Long cutoff, Digests digests) {
		return new ListItemReader<>(digests.due(cutoff(cutoff)));
	}

}
