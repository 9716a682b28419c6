package org.listserv.mail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A processing budget for reading one received message on the current thread. Code that reads received
 * text (parsing, classifying, matching rules) calls {@link #check()} in its loops; once the work that
 * {@link #within} runs has used up its budget, {@code check()} throws {@link TooCostlyException} and the
 * caller puts the message aside for a person ("too costly to read automatically") instead of holding up
 * the queue behind it. Every pattern over received text is linear-time (RE2/J), so the budget is a second
 * line, for work that is merely large.
 *
 * <p>The budget is CPU time of the thread (where the JVM measures it; wall time otherwise): time spent
 * waiting for the database or for a busy machine does not count against a message. {@code check()} reads
 * only the cheap wall clock until the budget could be spent. Outside {@code within}, it does nothing.
 */
public final class ReadingBudget {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

	/** The innermost budget of this thread, or null. */
	private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

	private record Budget(long nanos, long wallStart, long cpuStart) {

		boolean spent() {
			long now = System.nanoTime();
			if (now - wallStart <= nanos) {
				return false; // CPU time is never more than wall time
			}
			return !CPU_TIME || THREADS.getCurrentThreadCpuTime() - cpuStart > nanos;
		}

	}

	private ReadingBudget() {
	}

	/**
	 * Runs the work with a budget. Inside another budget, the tighter of the two applies.
	 *
	 * @throws TooCostlyException when the work went past its budget
	 */
	public static <T> T within(Duration budget, Supplier<T> work) {
		Budget outer = CURRENT.get();
		long nanos = Math.max(0, Math.min(budget.toNanos(), Long.MAX_VALUE / 4));
		Budget inner = new Budget(nanos, System.nanoTime(), CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0);
		CURRENT.set(outer != null && remaining(outer) < nanos ? outer : inner);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(outer);
			}
		}
	}

	/** Roughly what is left of a budget, in wall-clock terms (for choosing the tighter of two). */
	private static long remaining(Budget b) {
		return b.nanos() - (System.nanoTime() - b.wallStart());
	}

	/** @throws TooCostlyException if the current budget is spent */
	public static void check() {
		Budget budget = CURRENT.get();
		if (budget != null && budget.spent()) {
			throw new TooCostlyException();
		}
	}

	/** The message took more than its budget to read. */
	public static final class TooCostlyException extends RuntimeException {

		/** The note a person sees on the message. */
		public static final String NOTE = "Too costly to read automatically";

		TooCostlyException() {
			super(NOTE, null, false, false);
		}

	}

}
