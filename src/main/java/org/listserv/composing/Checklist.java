package org.listserv.composing;

import java.util.List;

import org.listserv.shared.Text;

/**
 * The pre-send checklist of a campaign. Errors block sending (and scheduling); warnings do not.
 *
 * @param ready true when no check with severity ERROR failed
 */
public record Checklist(boolean ready, int errors, int warnings, List<Item> items) {

	/** How much a failed check matters. */
	public enum Severity {
		ERROR, WARNING
	}

	/**
	 * One check: {@code rule} is a stable id, {@code message} says what was found, resolved in the reader's
	 * language where it is shown (the page, the API's JSON string {@code message}).
	 */
	public record Item(String rule, Severity severity, boolean passed, Text message) {
	}

	static Checklist of(List<Item> items) {
		int errors = (int) items.stream().filter(i -> !i.passed() && i.severity() == Severity.ERROR).count();
		int warnings = (int) items.stream().filter(i -> !i.passed() && i.severity() == Severity.WARNING).count();
		return new Checklist(errors == 0, errors, warnings, List.copyOf(items));
	}

}
