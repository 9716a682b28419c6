package org.listserv.bounces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import org.listserv.mail.ReadingBudget;

/**
 * Decides the reason of a failed delivery from its enhanced status code, SMTP reply code and diagnostic
 * text, and the classification that follows from the reason. The data lives in two tables next to this
 * class: {@code reason-patterns.tsv} (text patterns per reason, in order) and {@code status-codes.tsv}
 * (what an enhanced status code says on its own).
 */
final class ReasonTable {

	/** An enhanced status code; not part of a longer run of digits and dots (checked by {@link #findStatus}). */
	private static final Pattern STATUS = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern REPLY = Pattern
		.compile("(?:^|[\\s:;(\\[<\"'])([245][0-5]\\d)(?:[ \\-)]|$)");

	/** Codes that name the reason unless the text names one of {@link #SPECIFIC} reasons. */
	private static final List<String> DECISIVE = List.of("X.1.1", "X.1.2", "X.1.6", "X.1.7", "X.1.8",
			"X.2.2", "X.3.4", "X.7.13");

	/** Reasons the text names precisely enough to overrule a decisive status code. */
	private static final List<String> SPECIFIC = List.of("mailboxfull", "suspend", "hasmoved", "notaccept",
			"norelaying", "requireptr", "authfailure", "badreputation", "blocked", "spamdetected", "virusdetected",
			"policyviolation", "toomanyconn", "speeding", "filtered");

	/** Reasons named by words so general that a status code says more. */
	private static final List<String> WEAK = List.of("rejected", "onhold", "undefined");

	/** The SMTP command a rejection answered, as MTAs write it in their reports. */
	private static final List<Map.Entry<String, Pattern>> COMMANDS = List.of(
			Map.entry("DATA", Pattern.compile("(?i)end of data|after data|in reply to data|>>> data|\\bdata command|after the data|smtp;? ?data")),
			Map.entry("RCPT", Pattern.compile("(?i)rcpt to|rcpt_to|in reply to rcpt|>>> rcpt|smtp:rcpt|rcpt command|does not like recipient")),
			Map.entry("MAIL", Pattern.compile("(?i)mail from[:\\s]|in reply to mail|>>> mail|smtp:mail|mail command")),
			Map.entry("HELO", Pattern.compile("(?i)in reply to (?:ehlo|helo)|after (?:ehlo|helo)|>>> (?:ehlo|helo)|(?:ehlo|helo) command")),
			Map.entry("CONN", Pattern.compile("(?i)refused to talk to me|in reply to initial greeting|greeting")));

	/** How many characters of a diagnostic text the patterns look at. */
	private static final int MAX_MATCHED = 4096;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern TAB = Pattern.compile("\t");

	/** The last texts matched on this thread: a report's text is asked about several times. */
	private static final ThreadLocal<Map<String, String>> CACHE = ThreadLocal.withInitial(HashMap::new);

	/** Last of the static fields: the constructor uses the ones above. */
	private static final ReasonTable INSTANCE = new ReasonTable();

	/** A row of {@code reason-patterns.tsv}: a match does not count when {@code except} follows it. */
	private record Row(String reason, Pattern pattern, Pattern except) {

		boolean matches(String text) {
			Matcher m = pattern.matcher(text);
			while (m.find()) {
				// an exception is a short phrase right after the match: 64 characters are enough to see it
				if (except == null
						|| !except.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 64))).lookingAt()) {
					return true;
				}
			}
			return false;
		}

	}

	private final List<Row> patterns = new ArrayList<>();

	private final Map<String, String> codes = new HashMap<>();

	private ReasonTable() {
		for (String[] row : rows("reason-patterns.tsv")) {
			// the text is lower-cased before matching, and every phrase starts at the start of a word
			patterns.add(new Row(row[0], Pattern.compile("(?:^|[^a-z])(?:" + row[1] + ")"),
					row.length > 2 ? Pattern.compile(row[2]) : null));
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
				String[] cells = TAB.split(line);
				if (cells.length > 1 && !cells[0].isBlank()) {
					rows.add(Arrays.stream(cells).map(String::strip).toArray(String[]::new));
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
		while (m.find()) {
			if (!codeChar(text, m.start() - 1) && !codeChar(text, m.end())) {
				return m.group(1) + "." + m.group(2) + "." + m.group(3);
			}
		}
		return null;
	}

	/** Whether the character at {@code i} is a digit or a dot (false outside the text). */
	private static boolean codeChar(String text, int i) {
		return i >= 0 && i < text.length() && ((text.charAt(i) >= '0' && text.charAt(i) <= '9') || text.charAt(i) == '.');
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
		String matched = match(text);
		return matched != null && matched.endsWith("!") ? matched.substring(0, matched.length() - 1) : matched;
	}

	/** The first matching row's reason, with its "!" (a reporting system's own verdict) if it has one. */
	private String match(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Map<String, String> cache = CACHE.get();
		String cached = cache.get(text);
		if (cached != null) {
			return cached.isEmpty() ? null : cached;
		}
		String head = text.length() > MAX_MATCHED ? text.substring(0, MAX_MATCHED) : text;
		String normalized = WHITESPACE.matcher(head.toLowerCase(Locale.ROOT)).replaceAll(" ");
		String found = null;
		for (Row row : patterns) {
			ReadingBudget.check();
			if (row.matches(normalized)) {
				found = row.reason();
				break;
			}
		}
		if (cache.size() > 16) {
			cache.clear();
		}
		cache.put(text, found == null ? "" : found);
		return found;
	}


	/** The SMTP command that was answered (DATA, RCPT, MAIL, HELO, CONN), or null. */
	static String command(String text) {
		if (text == null) {
			return null;
		}
		for (Map.Entry<String, Pattern> e : COMMANDS) {
			if (e.getValue().matcher(text).find()) {
				return e.getKey();
			}
		}
		return null;
	}

	/** Whether the text says anything about a failure: a status code, a reply code or a known phrase. */
	boolean informative(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		if (findStatus(text) != null || findReplyCode(text) != null) {
			return true;
		}
		String reason = reasonFromText(text);
		return reason != null && !WEAK.contains(reason);
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
		return reason(status, replyCode, text, action, null);
	}

	/**
	 * The reason for a failure, with more text to find the SMTP command in (a DSN's Diagnostic-Code rarely
	 * says which command was answered; the report's text often does).
	 */
	String reason(String status, Integer replyCode, String text, String action, String context) {
		if ((status != null && status.startsWith("2.")) || "delivered".equalsIgnoreCase(action)
				|| "relayed".equalsIgnoreCase(action) || "expanded".equalsIgnoreCase(action)) {
			return "delivered";
		}
		String matched = match(text);
		boolean confident = matched != null && matched.endsWith("!");
		String fromText = confident ? matched.substring(0, matched.length() - 1) : matched;
		if (status != null && !status.endsWith(".0.0") && DECISIVE.contains("X" + status.substring(1))
				&& (fromText == null || !SPECIFIC.contains(fromText))) {
			return codes.get("X" + status.substring(1));
		}
		if (fromText != null && WEAK.contains(fromText) && reasonFromStatus(status) != null) {
			// "rejected" says less than any status code does
			fromText = null;
		}
		if (fromText == null) {
			return fallback(status, replyCode, text, action);
		}
		String command = command(text);
		if (command == null) {
			command = command(context);
		}
		if ("MAIL".equals(command) && (fromText.equals("userunknown") || fromText.equals("hostunknown"))) {
			// the server refused our sender address, not the recipient
			return "rejected";
		}
		if (fromText.equals("userunknown") && !confident) {
			return unknownUser(status, command);
		}
		return fromText;
	}

	/**
	 * "User unknown" in a remote server's reply is believed (hard) only with corroboration: the rejection
	 * answered RCPT TO, or the enhanced status code is about the address (X.1.x) or says nothing against it.
	 * Content filters answer "no such user" after DATA, and some servers put "user unknown" under a policy
	 * (X.7), mailbox (X.2) or system (X.3) code; with neither a stage nor a code the wording alone is not
	 * enough to drop a member at once, so it is a soft {@code filtered}.
	 */
	private String unknownUser(String status, String command) {
		if ("RCPT".equals(command)) {
			return "userunknown";
		}
		if ("DATA".equals(command)) {
			return "filtered";
		}
		boolean undefined = status == null || status.endsWith(".0.0");
		if (undefined) {
			return "filtered";
		}
		char subject = status.charAt(2);
		if (subject == '2' || subject == '3' || subject == '7') {
			String byCode = reasonFromStatus(status);
			return byCode != null && subject != '2' && !byCode.equals("userunknown") ? byCode : "filtered";
		}
		return "userunknown";
	}

	private String fallback(String status, Integer replyCode, String text, String action) {
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
		boolean temporary = (status != null && status.startsWith("4")) || (replyCode != null && replyCode / 100 == 4);
		switch (reason == null ? "" : reason) {
			case "userunknown", "hostunknown", "hasmoved":
				// a 4xx / 4.x.x answer is temporary by definition, whatever its text says
				return temporary ? Classification.SOFT : Classification.HARD;
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
