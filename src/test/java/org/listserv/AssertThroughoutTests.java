package org.listserv;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** The wait that says "nothing happens": honest only if it fails on the first miss and lasts the period. */
class AssertThroughoutTests {

	@Test
	void failsWithTheCheckItselfAtTheFirstPollWhereTheCheckFails() {
		AtomicInteger polls = new AtomicInteger();
		assertThatThrownBy(() -> IntegrationTest.assertThroughout(Duration.ofSeconds(30), () -> {
			if (polls.incrementAndGet() >= 3) {
				fail("a message arrived");
			}
		})).rootCause().isInstanceOf(AssertionError.class).hasMessage("a message arrived");
		// a wait that swallowed the miss would have polled on for 30 s
		assertThat(polls).hasValueLessThan(10);
	}

	@Test
	void returnsOnlyOnceTheCheckHasPassedForTheWholePeriod() {
		List<Long> polls = new CopyOnWriteArrayList<>();
		IntegrationTest.assertThroughout(Duration.ofMillis(200), () -> polls.add(System.nanoTime()));
		// the last check came a whole period after the first (a lower bound only, which no machine's speed breaks)
		assertThat(polls.get(polls.size() - 1) - polls.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
	}

}
