package org.listserv.bouncereading;

import org.listserv.mail.SmtpStage;

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
			"X.2.2", "X.2.3", "X.3.4", "X.4.7", "X.7.13");

	/** Reasons the text names precisely enough to overrule a decisive status code. */
	private static final List<String> SPECIFIC = List.of("mailboxfull", "systemfull", "suspend", "hasmoved",
			"notaccept", "norelaying", "requireptr", "authfailure", "badreputation", "blocked", "spamdetected",
			"virusdetected", "policyviolation", "toomanyconn", "speeding", "filtered");

	/** Reasons named by words so general that a status code says more. */
	private static final List<String> WEAK = List.of("rejected", "onhold", "undefined");

	/** How many characters of a diagnostic text the patterns look at. */
	private static final int MAX_MATCHED = 4096;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * A reply code and enhanced status code inside a text: the prefix of each line of a multi-line SMTP reply
	 * ("550-5.7.1 Messages with multiple 550-5.7.1 addresses ..."), which would cut a phrase in two.
	 */
	private static final Pattern CONTINUATION = Pattern.compile("[245][0-9][0-9][ -][245]\\.[0-9]{1,3}\\.[0-9]{1,3} ");

	private static final Pattern TAB = Pattern.compile("\t");

	/** The last texts matched on this thread: a report's text is asked about several times. */
	private static final ThreadLocal<Map<String, Match>> CACHE = ThreadLocal.withInitial(HashMap::new);

	/** No row matched (cached as such). */
	private static final Match NONE = new Match(null, Strength.PLAIN);

	/** Last of the static fields: the constructor uses the ones above. */
	private static final ReasonTable INSTANCE = new ReasonTable();

	/**
	 * How much a row's phrase says: {@code reason!} in the table is a {@link #VERDICT}, {@code reason?} is
	 * {@link #GENERAL}, a bare reason is {@link #PLAIN}.
	 */
	private enum Strength {

		/** The reporting system's own verdict, or a phrase no other failure uses: believed as it is. */
		VERDICT,

		/** Names the reason; a decisive status code or the SMTP stage may still overrule it. */
		PLAIN,

		/** Words that other failures use too: a status code's own reason says more. */
		GENERAL

	}

	/** The reason a text names, and how firmly. */
	private record Match(String reason, Strength strength) {
	}

	/** A row of {@code reason-patterns.tsv}: a match does not count when {@code except} follows it. */
	private record Row(Match match, Pattern pattern, Pattern except) {

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
			String reason = row[0];
			Strength strength = reason.endsWith("!") ? Strength.VERDICT
					: reason.endsWith("?") ? Strength.GENERAL : Strength.PLAIN;
			if (strength != Strength.PLAIN) {
				reason = reason.substring(0, reason.length() - 1);
			}
			// the text is lower-cased before matching, and every phrase starts at the start of a word
			patterns.add(new Row(new Match(reason, strength), Pattern.compile("(?:^|[^a-z])(?:" + row[1] + ")"),
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
		return match(text).reason();
	}

	/** The first matching row's reason and strength ({@link #NONE} when no row matches). */
	private Match match(String text) {
		if (text == null || text.isBlank()) {
			return NONE;
		}
		Map<String, Match> cache = CACHE.get();
		Match cached = cache.get(text);
		if (cached != null) {
			return cached;
		}
		String head = text.length() > MAX_MATCHED ? text.substring(0, MAX_MATCHED) : text;
		String normalized = WHITESPACE.matcher(head.toLowerCase(Locale.ROOT)).replaceAll(" ");
		normalized = CONTINUATION.matcher(normalized).replaceAll("");
		Match found = NONE;
		for (Row row : patterns) {
			ReadingBudget.check();
			if (row.matches(normalized)) {
				found = row.match();
				break;
			}
		}
		if (cache.size() > 16) {
			cache.clear();
		}
		cache.put(text, found);
		return found;
	}

	/** Whether the text says anything about a failure: a status code, a reply code or a known phrase. */
	boolean informative(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		if (findStatus(text) != null || findReplyCode(text) != null) {
			return true;
		}
		// general words ("the address couldn't be found") say too little: the lines after them may say more
		Match matched = match(text);
		return matched.reason() != null && !WEAK.contains(matched.reason()) && matched.strength() != Strength.GENERAL;
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
		return reason(status, replyCode, text, action, null, null);
	}

	/**
	 * The reason for a failure, with more text to find the SMTP command in (a DSN's Diagnostic-Code rarely
	 * says which command was answered; the report's text often does). In order: a success; the text's
	 * verdict ({@code reason!} rows); a decisive status code ({@link #DECISIVE}) unless the text names a
	 * {@link #SPECIFIC} reason; the text's reason, unless it is general ({@code reason?} rows, or a
	 * {@link #WEAK} one) and the status code names one; else the status code, then its subject digit. A
	 * "user unknown" is then weighed by {@link UnknownUser#decide}, and a generic refusal of the greeting or
	 * HELO is {@code blocked} ({@link StageInText#atStage}).
	 *
	 * @param context more text to find the SMTP command in, or null
	 * @param recipient the address that failed, or null when unknown
	 */
	String reason(String status, Integer replyCode, String text, String action, String context, String recipient) {
		String reason = decide(status, replyCode, text, action, context, recipient);
		// a name lookup the reporting MTA will try again is a DNS failure, not a domain known not to exist
		return reason.equals("hostunknown") && temporary(status, replyCode) ? "networkerror" : reason;
	}

	private String decide(String status, Integer replyCode, String text, String action, String context,
			String recipient) {
		if ((status != null && status.startsWith("2.")) || "delivered".equalsIgnoreCase(action)
				|| "relayed".equalsIgnoreCase(action) || "expanded".equalsIgnoreCase(action)) {
			return "delivered";
		}
		Match matched = match(text);
		if (matched.strength() == Strength.VERDICT) {
			return matched.reason();
		}
		String fromText = matched.reason();
		if (status != null && !status.endsWith(".0.0") && DECISIVE.contains("X" + status.substring(1))
				&& (fromText == null || !SPECIFIC.contains(fromText))) {
			return codes.get("X" + status.substring(1));
		}
		boolean general = matched.strength() == Strength.GENERAL || WEAK.contains(String.valueOf(fromText));
		if (fromText != null && general && !fromText.equals("userunknown") && reasonFromStatus(status) != null) {
			// "rejected", "recipient address rejected" say less than any status code does
			fromText = null;
		}
		if (fromText == null) {
			String byCode = fallback(status, replyCode, text, action);
			return StageInText.generic(byCode) ? StageInText.atStage(byCode, StageInText.of(text, context)) : byCode;
		}
		boolean unknown = fromText.equals("userunknown");
		if (!unknown && !fromText.equals("hostunknown") && !StageInText.generic(fromText)) {
			return fromText;
		}
		SmtpStage command = StageInText.of(text, context);
		if (command == SmtpStage.MAIL && (unknown || fromText.equals("hostunknown"))) {
			// the server refused our sender address, not the recipient
			return "rejected";
		}
		return unknown ? UnknownUser.decide(status, replyCode, command, general, text, recipient, reasonFromStatus(status))
				: StageInText.atStage(fromText, command);
	}

	/** Whether a 4.x.x status or a 4xx reply says the failure is temporary. */
	static boolean temporary(String status, Integer replyCode) {
		return (status != null && status.startsWith("4")) || (replyCode != null && replyCode / 100 == 4);
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
