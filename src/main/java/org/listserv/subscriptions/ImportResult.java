package org.listserv.subscriptions;

import java.util.List;

/**
 * What an import did. {@code imported}: new members of the list; {@code updated}: rows for people already
 * pending or active on it (name and attributes refreshed, pending ones activated by an ACTIVE import);
 * {@code skipped}: rows for people who unsubscribed, were removed or were disabled, left as they are;
 * {@code rejected}: bad rows with their line and reason (the first {@code listserv.subscriptions.import-max-reported}),
 * {@code rejectedCount}: all of them.
 */
public record ImportResult(long imported, long updated, long skipped, List<Rejection> rejected, long rejectedCount) {

	/** A row that was not imported: the file's line where it starts, the value, and why. */
	public record Rejection(long line, String value, String reason) {
	}

}
