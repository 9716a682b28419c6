package org.listserv.sending;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of {@code verify} (the name does not end in Tests): how fast a send goes under a global rate, the
 * wall-clock figure that {@link ScaleOutAndRatesIntegrationTests} does not assert. 40 messages at 20/s with a
 * burst of 1 cannot take less than 39/20 s; a slow machine makes it longer, never shorter. Prints a BENCH line
 * and fails below that bound. Run with {@code bench/global-rate.sh}.
 */
class GlobalRateBenchmark extends SendingIntegrationTest {

	static final FakeSmtpServer sink = FakeSmtpServer.startOrFail();

	@DynamicPropertySource
	static void relay(DynamicPropertyRegistry registry) {
		sink.registerAsRelay(registry);
	}

	@Autowired
	SendRates rates;

	@AfterEach
	void reset() {
		rates.remove(SendRates.GLOBAL);
		throttle.refresh();
	}

	@Test
	void theGlobalRateSlowsTheSendDown() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "g", 40);
		rates.set(SendRates.GLOBAL, 20, 1.0, "bench");
		throttle.refresh();
		long id = campaign(list);
		sending.start(id);
		long start = System.nanoTime();
		if (sending.run(id) != BatchStatus.COMPLETED) {
			throw new AssertionError("the send did not complete");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BENCH global rate 20/s, burst 1: %d messages in %.2f s = %.1f messages/s%n",
				deliveries.counts(id).sent(), seconds, deliveries.counts(id).sent() / seconds);
		if (seconds < 39 / 20.0) {
			throw new AssertionError("40 messages at 20/s went out in " + seconds + " s, under 39/20 s");
		}
	}

}
