package org.listserv.sending;

import java.util.Properties;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.listserv.composing.CampaignMail;
import org.listserv.composing.CampaignService;
import org.listserv.mail.MailProperties;
import org.listserv.mail.SmtpConnection;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.partition.support.SimplePartitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code send-campaign} job (parameters: {@code campaignId}, and {@code run} to tell sends of one
 * campaign apart: the first, a resume, a retry round; {@code round}, the campaign's send round; {@code instance},
 * the instance that launched it). Step {@code snapshot} writes one QUEUED delivery per active member and cuts
 * them into ranges (once per campaign); step {@code send} is partitioned: its workers claim ranges, read the
 * due deliveries of each by keyset in chunks, render and hand each to SMTP, recording the reply in the chunk's
 * transaction; step {@code finish} expires what
 * an expired alert did not send and marks the campaign SENT when nothing is left to send. Restartable: a
 * restart reads again whatever is still QUEUED. See {@code batch-jobs/send-campaign/README.md}.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "file:${listserv.batch-jobs-dir:batch-jobs}/send-campaign/job.properties",
		ignoreResourceNotFound = true)
class SendCampaignJobConfiguration {

	static final String JOB = "send-campaign";

	@Bean
	Job sendCampaignJob(JobRepository jobs, Step sendCampaignSnapshot, Step sendCampaignSend,
			Step sendCampaignFinish, SendingSteps steps) {
		return new JobBuilder(JOB, jobs).listener(steps)
			.start(sendCampaignSnapshot)
			.next(sendCampaignSend)
			.next(sendCampaignFinish)
			.build();
	}

	@Bean
	Step sendCampaignSnapshot(JobRepository jobs, PlatformTransactionManager tx, SendingSteps steps) {
		return new StepBuilder("snapshot", jobs).tasklet((contribution, context) -> {
			steps.snapshot(contribution.getStepExecution().getJobParameters().getLong("campaignId"));
			return RepeatStatus.FINISHED;
		}, tx).build();
	}

	/**
	 * The send step: {@code listserv.sending.workers} workers on local threads, each claiming ranges of the
	 * deliveries until none is left free (instances sharing the database claim from the same ranges).
	 */
	@Bean
	Step sendCampaignSend(JobRepository jobs, Step sendCampaignWorker, SendingProperties properties) {
		org.springframework.core.task.SimpleAsyncTaskExecutor threads = new org.springframework.core.task.SimpleAsyncTaskExecutor(
				"send-worker-");
		threads.setDaemon(true);
		return new StepBuilder("send", jobs).partitioner("send-worker", new SimplePartitioner())
			.step(sendCampaignWorker)
			.gridSize(Math.max(1, properties.workers()))
			.taskExecutor(threads)
			.build();
	}

	@Bean
	Step sendCampaignWorker(JobRepository jobs, PlatformTransactionManager tx, DeliveryReader deliveryReader,
			DeliveryRenderer deliveryRenderer, DeliveryWriter deliveryWriter, SendingProperties properties) {
		return new StepBuilder("send-worker", jobs).<Delivery, RenderedDelivery>chunk(properties.chunkSize(), tx)
			.reader(deliveryReader)
			.processor(deliveryRenderer)
			.writer(deliveryWriter)
			.build();
	}

	@Bean
	Step sendCampaignFinish(JobRepository jobs, PlatformTransactionManager tx, SendingSteps steps) {
		return new StepBuilder("finish", jobs).tasklet((contribution, context) -> {
			steps.finish(contribution.getStepExecution().getJobParameters().getLong("campaignId"));
			return RepeatStatus.FINISHED;
		}, tx).allowStartIfComplete(true).build();
	}

	/**
	 * Step-scoped: one per worker. Its owner name ({instance}/{job execution}/{worker}) is what it writes in
	 * the ranges it claims.
	 */
	@Bean
	@StepScope
	DeliveryReader deliveryReader(@Value("#{jobParameters['campaignId']}") Long campaignId,
			@Value("#{jobParameters['round']}") Long round, @Value("#{stepExecution}") StepExecution step,
			Deliveries deliveries, SendPartitions partitions, CampaignService campaigns, SendingProperties properties,
			SendingInstance instance) {
		long r = round != null ? round : Math.max(1, campaigns.sendRound(campaignId));
		String owner = instance.id() + "/" + step.getJobExecutionId() + "/" + step.getStepName();
		return new DeliveryReader(campaignId, r, owner, deliveries, partitions, campaigns, properties.chunkSize(),
				properties.partitionLease());
	}

	/** Step-scoped: the campaign is compiled once per step execution. */
	@Bean
	@StepScope
	DeliveryRenderer deliveryRenderer(@Value("#{jobParameters['campaignId']}") Long campaignId,
			CampaignService campaigns, CampaignMail mail, JsonMapper json, MailProperties mailProperties,
			DkimSigning dkim) {
		return new DeliveryRenderer(mail.prepare(campaigns.get(campaignId)), json, mailProperties, dkim);
	}

	@Bean
	DeliveryWriter deliveryWriter(SmtpPool smtpPool, Deliveries deliveries, SendingProperties properties,
			Throttle throttle, SendingInstance instance) {
		return new DeliveryWriter(smtpPool, deliveries, properties, smtpLanes, throttle, instance.id());
	}

	/**
	 * SMTP connections kept open between chunks: as many as all workers' lanes use at once, each closed after
	 * 10 s unused.
	 */
	@Bean(destroyMethod = "close")
	SmtpPool smtpPool(Relays relays, SendingProperties properties) {
		return new SmtpPool(relays, Math.max(1, properties.workers()) * Math.max(1, properties.connections()) * 4,
				10_000_000_000L);
	}

	/** The threads that talk SMTP for the send step's chunks (daemon: they only ever wait on sockets). */
	private final java.util.concurrent.ExecutorService smtpLanes = java.util.concurrent.Executors
		.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "send-campaign-smtp");
			t.setDaemon(true);
			return t;
		});

	/**
	 * The SMTP relays: {@code listserv.sending.relays}, each chunk going to one of them chosen at random by
	 * weight; none configured means Boot's {@code spring.mail.*}.
	 */
	@Bean
	Relays sendingRelays(SendingProperties properties, JavaMailSenderImpl boot) {
		if (properties.relays().isEmpty()) {
			return () -> new SmtpConnection(boot.getHost(), boot.getPort(), boot.getUsername(), boot.getPassword(),
					boot.getJavaMailProperties());
		}
		Properties session = new Properties();
		session.putAll(boot.getJavaMailProperties());
		int total = properties.relays().stream().mapToInt(r -> Math.max(r.weight(), 0)).sum();
		return () -> {
			int pick = java.util.concurrent.ThreadLocalRandom.current().nextInt(Math.max(total, 1));
			SendingProperties.Relay chosen = properties.relays().get(0);
			for (SendingProperties.Relay r : properties.relays()) {
				pick -= Math.max(r.weight(), 0);
				if (pick < 0) {
					chosen = r;
					break;
				}
			}
			return new SmtpConnection(chosen.host(), chosen.port(), chosen.username(), chosen.password(), session);
		};
	}

	/** Opens a connection to the relay to use for a chunk. */
	interface Relays extends Supplier<SmtpConnection> {
	}

}
