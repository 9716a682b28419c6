package org.listserv.bouncereading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import org.listserv.mail.ReadingBudget;

/**
 * Finds the failed recipients in the human-readable text of a non-standard bounce, with the layouts the
 * common MTAs use:
 * <ul>
 * <li>{@code <user@example.org>: host mx[1.2.3.4] said: 550 ...} (Postfix, qmail, OpenSMTPD);</li>
 * <li>an address alone on its (indented) line, the error on the next lines (Exim, Exchange, Gmail);</li>
 * <li>{@code user@example.org... User unknown} (Sendmail), {@code user@example.org: reason};</li>
 * <li>a phrase before the address: "delivery to the following recipient failed: ...", "Recipient:",
 * "could not be delivered to ..." (Exchange, Domino, Courier, many providers);</li>
 * <li>failing those, any address in the text.</li>
 * </ul>
 */
final class TextPatterns {

	/** The characters of a local part; an address found in text must not start right after one. */
	private static final String LOCAL = "A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\-";

	private static final String ADDR = "<?(?:mailto:)?([" + LOCAL + "]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})>?";

	/**
	 * Address at the start of a line, then ":", "...", " - " or the end of the line; after a reply code and
	 * an enhanced status code too, as in a Sendmail transcript ({@code <<< 550 5.1.1 <a@b>... User unknown}).
	 */
	private static final Pattern LEADING = Pattern.compile("^[ \\t>*-]*(?:<<< ?)?((?:[245]\\d\\d[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3} )?)?)[\"']?" + ADDR + "[\"']?(?:[ \\t]*(?::|\\.\\.\\.|,| - |\\(|\\[|$)|[ \\t]+)(.*)$");

	/** A phrase that introduces the failed address. */
	private static final Pattern PHRASE = Pattern.compile("(?i)\\b(?:recipient(?:s| address(?:es)?)?|rcpt to|addressee|destinataire|empf(?:ä|ae)nger"
			+ "|original recipient|failed recipient|final recipient|delivery to|deliver(?:ed|ing)? (?:it |your message |the message )?to|not (?:be )?delivered to|failed to|"
			+ "undeliverable to|could not reach|unable to reach|sent to|addressed to|to the following (?:recipient|address)(?:es|s)?(?:\\(es\\))?|user|mailbox|address|to|for|an|à|a)"
			+ "[ \\t:\\[\\]\"'=]{0,6}[^\\S\\n]*" + ADDR);

	private static final Pattern SKIP_LINE = Pattern.compile("(?i)^\\s*(message-id|references|in-reply-to|from|return-path|reply-to|sender|received|"
			+ "x-[a-z-]+|dkim-signature|reporting-mta|arrival-date|list-[a-z]+|date)\\s*:");

	private static final Pattern SYSTEM_LOCAL = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|double-bounce|"
			+ "noreply|no-reply|do-not-reply|donotreply|abuse|hostmaster|webmaster|bounce|bounces|nobody|root)(@|$)");

	/** How much of one line is searched: report lines are short, a megabyte on one line is not a report. */
	private static final int MAX_LINE = 2048;

	private TextPatterns() {
	}

	/**
	 * The failed recipients named in the text, each with the lines that explain it (or null).
	 *
	 * @param text the human-readable part of the bounce
	 * @param excluded addresses that are never the failed recipient (senders)
	 */
	static Map<String, String> recipients(String text, Set<String> excluded) {
		Map<String, String> found = new LinkedHashMap<>();
		if (text == null || text.indexOf('@') < 0) {
			return found;
		}
		String[] lines = text.lines().toArray(String[]::new);
		for (int i = 0; i < lines.length; i++) {
			String line = searchable(lines[i]);
			if (line == null) {
				continue;
			}
			Matcher m = LEADING.matcher(line);
			if (m.find()) {
				String address = accept(m.group(2), excluded);
				if (address != null) {
					// every mention adds its lines: a Sendmail report names the address in its summary and again,
					// with the SMTP command, in its transcript; a reply code before the address stays with the text
					String block = block(lines, i, m.group(1) + m.group(3), address);
					found.merge(address, block == null ? "" : block, (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b);
				}
			}
		}
		if (!found.isEmpty()) {
			if (text.contains("<<<")) {
				transcript(lines, found);
			}
			return found;
		}
		for (int i = 0; i < lines.length; i++) {
			String line = searchable(lines[i]);
			if (line == null) {
				continue;
			}
			Matcher m = PHRASE.matcher(line);
			while (m.find()) {
				if (m.start(1) > 0 && localChar(line.charAt(m.start(1) - 1))) {
					continue; // "toto@example.org" is not the phrase "to" before "to@example.org"
				}
				String address = accept(m.group(1), excluded);
				if (address != null) {
					found.putIfAbsent(address, block(lines, i, line, address));
				}
			}
		}
		if (!found.isEmpty()) {
			return found;
		}
		for (int i = 0; i < lines.length; i++) {
			String line = searchable(lines[i]);
			if (line == null) {
				continue;
			}
			for (String a : BounceClassifier.Addresses.find(line)) {
				String address = accept(a, excluded);
				if (address != null && found.size() < 5) {
					found.putIfAbsent(address, block(lines, i, line, address));
				}
			}
		}
		return found;
	}

	/**
	 * Adds to each address the Sendmail transcript's reply that names it ({@code <<< 550 Unknown user a@b})
	 * with the command it answered, the last {@code >>>} line before it: the SMTP stage. A reply that names
	 * no address is the only recipient's.
	 */
	private static void transcript(String[] lines, Map<String, String> found) {
		String command = null;
		for (String raw : lines) {
			ReadingBudget.check();
			String line = raw.length() > MAX_LINE ? raw.substring(0, MAX_LINE) : raw;
			if (line.startsWith(">>>")) {
				command = line.strip();
			}
			else if (line.startsWith("<<<") && command != null) {
				String lower = line.toLowerCase(Locale.ROOT);
				String own = command + "\n" + line.strip();
				boolean named = false;
				for (Map.Entry<String, String> e : found.entrySet()) {
					if (lower.contains(e.getKey())) {
						e.setValue(e.getValue().isEmpty() ? own : e.getValue() + "\n" + own);
						named = true;
					}
				}
				if (!named && found.size() == 1) {
					found.replaceAll((address, block) -> block.isEmpty() ? own : block + "\n" + own);
				}
			}
		}
	}

	/** The line cut to {@link #MAX_LINE}, or null if it cannot name a recipient; checks the reading budget. */
	private static String searchable(String line) {
		ReadingBudget.check();
		String head = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
		return head.indexOf('@') < 0 || SKIP_LINE.matcher(head).find() ? null : head;
	}

	private static boolean localChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0;
	}

	private static String accept(String raw, Set<String> excluded) {
		String address = BounceClassifier.Addresses.clean(raw);
		if (address == null || excluded.contains(address) || SYSTEM_LOCAL.matcher(address).find()
				|| BounceClassifier.verpToken(address) != null) {
			return null;
		}
		List<String> valid = BounceClassifier.Addresses.find(address);
		return valid.isEmpty() ? null : valid.get(0);
	}

	/** The rest of the line and the following lines up to an empty line (at most 12). */
	private static String block(String[] lines, int index, String rest, String address) {
		StringBuilder sb = new StringBuilder();
		// a Sendmail transcript names the command on the lines before: ">>> RCPT To:<a@b>", "<<< 550 ..."
		for (int i = Math.max(0, index - 2); i < index; i++) {
			if (lines[i].startsWith(">>>") || lines[i].startsWith("<<<")) {
				sb.append(lines[i].strip()).append('\n');
			}
		}
		String own = rest == null ? "" : rest.strip();
		sb.append(own);
		boolean started = !own.isEmpty();
		// a line that says it all ("554 <a@b>... 550 Host unknown") takes only its indented continuation lines
		boolean complete = started && ReasonTable.get().informative(own);
		for (int i = index + 1; i < lines.length && i <= index + 12; i++) {
			String line = lines[i];
			if (complete && (line.isEmpty() || (!Character.isWhitespace(line.charAt(0))
					&& !line.toLowerCase(Locale.ROOT).contains(address)))) {
				break;
			}
			if (line.isBlank()) {
				if (started) {
					break;
				}
				continue;
			}
			Matcher next = LEADING.matcher(line);
			if (started && next.find() && !next.group(2).equalsIgnoreCase(address)) {
				break;
			}
			started = true;
			sb.append('\n').append(line.strip());
		}
		return sb.toString().toLowerCase(Locale.ROOT).isBlank() ? null : sb.toString();
	}

}
