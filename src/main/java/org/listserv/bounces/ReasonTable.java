package org.listserv.bounces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the reason of a failed delivery from its enhanced status code, SMTP reply code and diagnostic
 * text, and the classification that follows from the reason. The data lives in two tables next to this
 * class: {@code reason-patterns.tsv} (text patterns per reason, in order) and {@code status-codes.tsv}
 * (what an enhanced status code says on its own).
 */
final class ReasonTable {

	private static final ReasonTable INSTANCE = new ReasonTable();

	private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

	private static final Pattern REPLY = Pattern
		.compile("(?:^|[\\s:;(\\[<\"'])([245][0-5]\\d)(?=[ \\-]|$|\\))");

	/** Codes that name the reason whatever the text says. */
	private static final List<String> DECISIVE = List.of("X.1.1", "X.1.2", "X.1.6", "X.1.10", "X.2.2", "X.3.4",
			"X.4.4", "X.7.13");

	private final List<Map.Entry<String, Pattern>> patterns = new ArrayList<>();

	private final Map<String, String> codes = new HashMap<>();

	private ReasonTable() {
		for (String[] row : rows("reason-patterns.tsv")) {
			patterns.add(Map.entry(row[0], Pattern.compile(row[1], Pattern.CASE_INSENSITIVE)));
		}
		for (String[] row : rows("status-codes.tsv")) {
			codes.put(row[0], row[1]);
		}
	}

	static ReasonTable get() {
		return INSTANCE;
	}

	private static List<String[]> rows(String resource) {
		List<String[]> rows = new ArrayList<>();
		try (InputStream in = ReasonTable.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int tab = line.indexOf('\t');
				if (tab > 0) {
					rows.add(new String[] { line.substring(0, tab).strip(), line.substring(tab + 1).strip() });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/** The first enhanced status code in the text, or null. */
	static String findStatus(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = STATUS.matcher(text);
		return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
	}

	/** The first SMTP reply code in the text, or null. */
	static Integer findReplyCode(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = REPLY.matcher(text);
		return m.find() ? Integer.valueOf(m.group(1)) : null;
	}

	/** The reason named by the text patterns alone, or null. */
	String reasonFromText(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		for (Map.Entry<String, Pattern> e : patterns) {
			if (e.getValue().matcher(normalized).find()) {
				return e.getKey();
			}
		}
		return null;
	}

	/** The reason an enhanced status code names on its own, or null. */
	String reasonFromStatus(String status) {
		if (status == null) {
			return null;
		}
		return codes.get("X" + status.substring(1));
	}

	/**
	 * The reason for a failure.
	 *
	 * @param status enhanced status code or null
	 * @param replyCode SMTP reply code or null
	 * @param text diagnostic text or null
	 * @param action the DSN Action ("failed", "delayed", ...) or null
	 */
	String reason(String status, Integer replyCode, String text, String action) {
		if ((status != null && status.startsWith("2.")) || "delivered".equalsIgnoreCase(action)
				|| "relayed".equalsIgnoreCase(action) || "expanded".equalsIgnoreCase(action)) {
			return "delivered";
		}
		if (status != null && !status.endsWith(".0.0") && DECISIVE.contains("X" + status.substring(1))) {
			return codes.get("X" + status.substring(1));
		}
		String fromText = reasonFromText(text);
		if (fromText != null) {
			return fromText;
		}
		String fromStatus = reasonFromStatus(status);
		if (fromStatus != null) {
			return fromStatus;
		}
		if ("delayed".equalsIgnoreCase(action) || (status != null && status.startsWith("4.4"))) {
			return "expired";
		}
		if (status != null) {
			char subject = status.charAt(2);
			switch (subject) {
				case '1':
					return "rejected";
				case '2':
					return "filtered";
				case '3':
					return "systemerror";
				case '4':
					return "networkerror";
				case '5':
					return "syntaxerror";
				case '6':
					return "contenterror";
				case '7':
					return "securityerror";
				default:
					break;
			}
		}
		return (text == null || text.isBlank()) && status == null && replyCode == null ? "undefined" : "onhold";
	}

	/**
	 * The classification for a reason: hard for userunknown, hostunknown, hasmoved, and notaccept with a
	 * permanent (5xx) code; none for feedback, vacation and delivered; soft for everything else.
	 */
	static Classification classify(String reason, String status, Integer replyCode) {
		switch (reason == null ? "" : reason) {
			case "userunknown", "hostunknown", "hasmoved":
				return Classification.HARD;
			case "notaccept":
				boolean permanent = (status != null && status.startsWith("5"))
						|| (replyCode != null && replyCode >= 500) || (status == null && replyCode == null);
				return permanent ? Classification.HARD : Classification.SOFT;
			case "feedback", "vacation", "delivered":
				return Classification.NONE;
			default:
				return Classification.SOFT;
		}
	}

}
