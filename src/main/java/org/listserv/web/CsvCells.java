package org.listserv.web;

/** Cells of the CSV files that pages offer for download. */
public final class CsvCells {

	private CsvCells() {
	}

	/** A cell a spreadsheet will not take for a formula: one starting with = + - @ (or tab, CR) gets a '. */
	public static String neutral(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char c = value.charAt(0);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
	}

}
