package org.listserv.bounces;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.listserv.bouncereading.BounceClassifier;
import org.listserv.bouncereading.BounceReport;
import org.listserv.bouncereading.BouncedRecipient;
import org.listserv.mail.ReadingBudget;

/**
 * {@code java -jar listserv.jar bounce-classify FILE...}: classifies messages without starting anything
 * else (no Spring context, no database, no web server) and prints one JSON line per bounced recipient per
 * file; a file that is not a bounce gives one line with classification {@code none} and no recipient, a
 * file that cannot be read a line with an {@code error} field. Always exits 0.
 *
 * <p>{@code --speed N} instead reads the files once and classifies them all N times (one thread), printing
 * the messages per second of each round and the median of the rounds after the first (warm-up).
 */
public final class BounceClassifyCommand {

	public static final String NAME = "bounce-classify";

	/** The budget of one message, as in the process-bounces job's default. */
	private static final Duration BUDGET = Duration.ofSeconds(5);

	private BounceClassifyCommand() {
	}

	/** Runs the command with its arguments (without the command name). */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** @param args the whole command line, {@code bounce-classify} first */
	public static int run(String[] args) {
		return run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> files = new ArrayList<>();
		int speedRounds = 0;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--speed") && i + 1 < args.length) {
				try {
					speedRounds = Integer.parseInt(args[++i]);
				}
				catch (NumberFormatException ex) {
					err.println("--speed takes a number of rounds");
					return 0;
				}
			}
			else {
				files.add(args[i]);
			}
		}
		if (files.isEmpty()) {
			err.println("Usage: java -jar listserv.jar bounce-classify [--speed ROUNDS] FILE...");
			return 0;
		}
		BounceClassifier classifier = new BounceClassifier();
		if (speedRounds > 0) {
			speed(classifier, files, speedRounds, out, err);
			return 0;
		}
		for (String file : files) {
			byte[] raw;
			try {
				raw = Files.readAllBytes(Path.of(file));
			}
			catch (IOException | RuntimeException ex) {
				out.println("{\"file\":" + json(file) + ",\"error\":" + json(ex.getClass().getSimpleName() + ": " + ex.getMessage()) + "}");
				continue;
			}
			BounceReport report;
			try {
				report = ReadingBudget.within(BUDGET, () -> classifier.classify(raw));
			}
			catch (ReadingBudget.TooCostlyException ex) {
				out.println("{\"file\":" + json(file) + ",\"error\":" + json(ex.getMessage()) + "}");
				continue;
			}
			if (report.recipients().isEmpty()) {
				out.println("{\"file\":" + json(file) + ",\"classification\":\"none\",\"kind\":" + json(report.kind().name())
						+ "}");
				continue;
			}
			for (BouncedRecipient r : report.recipients()) {
				StringBuilder sb = new StringBuilder();
				sb.append("{\"file\":").append(json(file));
				if (r.recipient() != null) {
					sb.append(",\"recipient\":").append(json(r.recipient()));
				}
				sb.append(",\"classification\":").append(json(r.classification().json()));
				sb.append(",\"reason\":").append(json(r.reason()));
				if (r.status() != null) {
					sb.append(",\"status\":").append(json(r.status()));
				}
				if (r.replyCode() != null) {
					sb.append(",\"replyCode\":").append(r.replyCode());
				}
				sb.append(",\"kind\":").append(json(report.kind().name()));
				if (report.format() != null) {
					sb.append(",\"format\":").append(json(report.format()));
				}
				if (report.verpToken() != null) {
					sb.append(",\"verpToken\":").append(json(report.verpToken()));
				}
				sb.append('}');
				out.println(sb);
			}
		}
		return 0;
	}

	private static void speed(BounceClassifier classifier, List<String> files, int rounds, PrintStream out,
			PrintStream err) {
		List<byte[]> messages = new ArrayList<>();
		for (String file : files) {
			try {
				messages.add(Files.readAllBytes(Path.of(file)));
			}
			catch (IOException | RuntimeException ex) {
				err.println("Skipping " + file + ": " + ex.getMessage());
			}
		}
		if (messages.isEmpty()) {
			return;
		}
		int perRound = Math.max(messages.size(), 5000 / messages.size() * messages.size());
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[] wall = new double[rounds];
		double[] cpu = new double[rounds];
		long sink = 0;
		for (int round = 0; round < rounds; round++) {
			long start = System.nanoTime();
			long startCpu = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < perRound; i++) {
				sink += classifier.classify(messages.get(i % messages.size())).recipients().size();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
			wall[round] = perRound / seconds;
			cpu[round] = perRound / cpuSeconds;
			out.printf("round %d: %d messages in %.3f s (%.3f s of CPU) = %.0f msgs/s wall, %.0f msgs/s per CPU second%n",
					round + 1, perRound, seconds, cpuSeconds, wall[round], cpu[round]);
		}
		out.printf("median (after 1 warm-up round): %.0f msgs/s wall, %.0f msgs/s per CPU second, one thread, %d distinct messages (%d recipients seen)%n",
				median(wall), median(cpu), messages.size(), sink);
	}

	private static double median(double[] rates) {
		double[] measured = rates.length > 1 ? Arrays.copyOfRange(rates, 1, rates.length) : rates.clone();
		Arrays.sort(measured);
		return measured.length % 2 == 1 ? measured[measured.length / 2]
				: (measured[measured.length / 2 - 1] + measured[measured.length / 2]) / 2;
	}

	static String json(String s) {
		if (s == null) {
			return "null";
		}
		StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

}
