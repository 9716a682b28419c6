package org.listserv.mail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadingBudgetTests {

	/** Work that checks the budget until it is stopped (or gives up after a minute of wall time). */
	private static long spin(AtomicLong checks) {
		long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < giveUp) {
			ReadingBudget.check();
			checks.incrementAndGet();
		}
		return checks.get();
	}

	@Test
	void stopsWorkThatGoesPastItsBudgetWithTheNoteForAPerson() {
		AtomicLong checks = new AtomicLong();
		assertThatThrownBy(() -> ReadingBudget.within(Duration.ofMillis(50), () -> spin(checks)))
			.isInstanceOf(ReadingBudget.TooCostlyException.class)
			.hasMessage("Too costly to read automatically");
		assertThat(checks.get()).isPositive();
	}

	@Test
	void checksNothingOutsideABudgetAndForgetsTheBudgetAfterward() {
		assertThatThrownBy(() -> ReadingBudget.within(Duration.ofNanos(1), () -> spin(new AtomicLong())))
			.isInstanceOf(ReadingBudget.TooCostlyException.class);
		ReadingBudget.check(); // no budget any more on this thread: nothing thrown
		assertThat(ReadingBudget.within(Duration.ofSeconds(30), () -> {
			ReadingBudget.check();
			return "read";
		})).isEqualTo("read");
	}

	@Test
	void anInnerBudgetCannotExtendTheOuterOne() {
		assertThatThrownBy(() -> ReadingBudget.within(Duration.ofMillis(50),
				() -> ReadingBudget.within(Duration.ofHours(1), () -> spin(new AtomicLong()))))
			.isInstanceOf(ReadingBudget.TooCostlyException.class);
	}

	@Test
	void theTighterInnerBudgetAppliesAndTheOuterOneHoldsAgainAfterIt() {
		assertThatThrownBy(() -> ReadingBudget.within(Duration.ofHours(1),
				() -> ReadingBudget.within(Duration.ofMillis(20), () -> spin(new AtomicLong()))))
			.isInstanceOf(ReadingBudget.TooCostlyException.class);
		String afterInner = ReadingBudget.within(Duration.ofHours(1), () -> {
			try {
				ReadingBudget.within(Duration.ofNanos(1), () -> spin(new AtomicLong()));
			}
			catch (ReadingBudget.TooCostlyException expected) {
				// the inner work was stopped
			}
			ReadingBudget.check(); // the outer budget (an hour) is not spent
			return "outer goes on";
		});
		assertThat(afterInner).isEqualTo("outer goes on");
	}

	/** Spends CPU without checking the budget (the part of the work that does not look). */
	private static long burn(Duration cpu) {
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		long x = 0;
		while (threads.getCurrentThreadCpuTime() - start < cpu.toNanos()) {
			x += System.nanoTime() % 7;
		}
		return x;
	}

	@Test
	void theParsersPassABudgetSpentOnAsItIsAndDoNotCallTheMessageMalformed() {
		byte[] multipart = ("From: a@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> ReadingBudget.within(Duration.ofMillis(20), () -> {
			burn(Duration.ofMillis(60));
			return InboundMessage.parse(multipart);
		})).isInstanceOf(ReadingBudget.TooCostlyException.class);
		assertThat(InboundMessage.parse(multipart).textBody()).isEqualTo("hi");
	}

}
