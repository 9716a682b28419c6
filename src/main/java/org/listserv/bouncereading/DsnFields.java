package org.listserv.bouncereading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.listserv.mail.ReadingBudget;

/**
 * The fields of an RFC 3464 {@code message/delivery-status} body (or of an RFC 5965 feedback report): a
 * per-message group, then one group per recipient, separated by empty lines. Lenient: folded lines are
 * unfolded, and a recipient group that lacks its empty line is split where a second Final-Recipient starts.
 */
final class DsnFields {

	private DsnFields() {
	}

	/** The per-recipient groups (those with a Final-Recipient or Original-Recipient), field names lower-cased. */
	static List<Map<String, String>> perRecipient(String text) {
		List<Map<String, String>> groups = new ArrayList<>();
		Map<String, String> current = new LinkedHashMap<>();
		for (String line : unfold(text)) {
			if (line.isBlank()) {
				flush(current, groups);
				current = new LinkedHashMap<>();
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			if (!isFieldName(name)) {
				continue;
			}
			String value = line.substring(colon + 1).strip();
			// a second Final-Recipient (or Original-Recipient) without an empty line starts the next recipient;
			// Original-Recipient may come before or after Final-Recipient
			boolean newRecipient = (name.equals("final-recipient") || name.equals("original-recipient"))
					&& current.containsKey(name);
			if (newRecipient) {
				flush(current, groups);
				current = new LinkedHashMap<>();
			}
			current.putIfAbsent(name, value);
		}
		flush(current, groups);
		return groups;
	}

	/** All fields of the text as one group (first value wins), for feedback reports. */
	static Map<String, String> parseFirst(String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : unfold(text)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
				if (isFieldName(name)) {
					fields.putIfAbsent(name, line.substring(colon + 1).strip());
				}
			}
		}
		return fields;
	}

	/** Whether the text is a field name: letters, digits and hyphens. */
	static boolean isFieldName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static void flush(Map<String, String> group, List<Map<String, String>> groups) {
		if (group.containsKey("final-recipient") || group.containsKey("original-recipient")) {
			groups.add(group);
		}
	}

	private static List<String> unfold(String text) {
		List<String> lines = new ArrayList<>();
		if (text == null) {
			return lines;
		}
		StringBuilder current = null;
		// whether the line being built has any text, kept aside: asking the builder would copy it for every
		// continuation line of a field folded many thousand times
		boolean currentBlank = true;
		for (String line : (Iterable<String>) text.lines()::iterator) {
			ReadingBudget.check();
			if (!line.isBlank() && (line.startsWith(" ") || line.startsWith("\t")) && current != null
					&& !currentBlank) {
				current.append(' ').append(line.strip());
				continue;
			}
			if (current != null) {
				lines.add(current.toString());
			}
			current = new StringBuilder(line);
			currentBlank = line.isBlank();
		}
		if (current != null) {
			lines.add(current.toString());
		}
		return lines;
	}

}
