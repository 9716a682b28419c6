package org.listserv.subscriptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.re2j.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import org.listserv.mail.EmailAddress;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.Text;

/**
 * Reads a members CSV as a stream: UTF-8 with or without BOM, a header row naming an {@code email} column,
 * {@code ,} {@code ;} or tab as separator (whichever the header uses most), quoted fields with separators
 * and newlines inside. {@code name} is the name; {@code language} the subscriber's language (a BCP 47 tag
 * of an offered language; blank: none given; an unknown tag rejects the row); the export's own columns
 * ({@code status}, {@code mode}, {@code subscribed_at}) are ignored so that an export can be imported again;
 * every other column becomes an attribute. Each row is handed on as soon as it is read, good or bad.
 */
final class CsvMemberReader {

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\x0B\\x{0085}\\x{2028}\\x{2029}]+");

	static final Set<String> IGNORED_COLUMNS = Set.of("status", "mode", "subscribed_at");

	/**
	 * A row ready to import: the line it starts on, the normalised address, name, language (a stored tag, ""
	 * when the row gives none), attributes.
	 */
	record Row(long line, String email, String name, String language, Map<String, String> attributes) {
	}

	interface Handler {

		void row(Row row);

		/** A bad row: its line, the value that identifies it (the address as written), why, for a person. */
		void rejected(long line, String value, Text reason);

	}

	private CsvMemberReader() {
	}

	static void read(InputStream in, Languages languages, Handler handler) {
		try {
			BufferedReader reader = new BufferedReader(new InputStreamReader(
					BOMInputStream.builder().setInputStream(in).get(),
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)),
					1 << 16);
			char delimiter = detectDelimiter(reader);
			CSVFormat format = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.setAllowMissingColumnNames(true)
				.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
				.get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				Columns columns = Columns.of(parser.getHeaderNames());
				Tags tags = new Tags(languages);
				Iterator<CSVRecord> records = parser.iterator();
				while (true) {
					long line = parser.getCurrentLineNumber() + 1;
					if (!records.hasNext()) {
						break;
					}
					row(records.next(), line, columns, tags, handler);
				}
			}
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw unreadable(ex.getCause() != null ? ex.getCause() : ex);
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("file", new Text("subscriptions.import.error.header", ex.getMessage()));
		}
	}

	private static void row(CSVRecord record, long line, Columns columns, Tags tags, Handler handler) {
		String rawEmail = value(record, columns.email);
		if (rawEmail.isBlank()) {
			handler.rejected(line, rawEmail, new Text("subscriptions.import.reject.no-email"));
			return;
		}
		String email;
		try {
			email = EmailAddress.parse(rawEmail).value();
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			handler.rejected(line, rawEmail, new Text("subscriptions.import.reject.email", ex.reason()));
			return;
		}
		// a name split over lines in a spreadsheet cell is still a name: fold it onto one line
		String name = columns.name < 0 ? "" : WHITESPACE.matcher(value(record, columns.name)).replaceAll(" ").strip();
		if (name.length() > 200 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			handler.rejected(line, rawEmail, new Text("subscriptions.import.reject.name"));
			return;
		}
		String rawLanguage = columns.language < 0 ? "" : value(record, columns.language).strip();
		Optional<String> language = rawLanguage.isEmpty() ? Optional.of("") : tags.stored(rawLanguage);
		if (language.isEmpty()) {
			String shown = rawLanguage.length() > 40 ? rawLanguage.substring(0, 40) + "…" : rawLanguage;
			handler.rejected(line, rawEmail, new Text("subscriptions.import.reject.language", shown, tags.offered()));
			return;
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 0; i < columns.attributes.size(); i++) {
			String v = value(record, columns.attributeIndexes.get(i));
			if (!v.isBlank()) {
				attributes.put(columns.attributes.get(i), v.strip());
			}
		}
		handler.row(new Row(line, email, name, language.get(), attributes));
	}

	private static String value(CSVRecord record, int index) {
		return index < record.size() ? record.get(index) : "";
	}

	/** Peeks at the header line to pick the separator, then rewinds. */
	private static char detectDelimiter(BufferedReader reader) throws IOException {
		reader.mark(1 << 15);
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		for (int i = 0, c; i < (1 << 15) - 1 && (c = reader.read()) != -1; i++) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				commas += c == ',' ? 1 : 0;
				semicolons += c == ';' ? 1 : 0;
				tabs += c == '\t' ? 1 : 0;
			}
		}
		reader.reset();
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		return tabs > commas ? '\t' : ',';
	}

	private static InvalidInputException unreadable(Throwable cause) {
		if (cause instanceof CharacterCodingException) {
			return new InvalidInputException("file", new Text("subscriptions.import.error.not-utf8"));
		}
		return new InvalidInputException("file", new Text("subscriptions.import.error.unreadable", cause.getMessage()));
	}

	/**
	 * The stored tag of each language cell, looked up once per distinct value: a file has a handful of them
	 * over a million rows. Empty for a tag that is not offered.
	 */
	private static final class Tags {

		private final Languages languages;

		private final Map<String, Optional<String>> seen = new java.util.HashMap<>();

		Tags(Languages languages) {
			this.languages = languages;
		}

		Optional<String> stored(String tag) {
			Optional<String> known = seen.get(tag);
			if (known != null) {
				return known;
			}
			Optional<String> found = languages.find(tag).map(Locale::toLanguageTag);
			if (seen.size() < 1000) {
				seen.put(tag, found);
			}
			return found;
		}

		String offered() {
			return String.join(", ", languages.supported().stream().map(Locale::toLanguageTag).toList());
		}

	}

	/** Where the email, name, language and attribute columns are (-1: none). */
	private record Columns(int email, int name, int language, List<String> attributes, List<Integer> attributeIndexes) {

		static Columns of(List<String> header) {
			int email = -1;
			int name = -1;
			int language = -1;
			List<String> attributes = new ArrayList<>();
			List<Integer> indexes = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < header.size(); i++) {
				String column = header.get(i).strip();
				String key = column.toLowerCase(Locale.ROOT);
				if (column.isEmpty()) {
					throw new InvalidInputException("file",
							new Text("subscriptions.import.error.column-unnamed", String.valueOf(i + 1)));
				}
				if (!seen.add(key)) {
					throw new InvalidInputException("file", new Text("subscriptions.import.error.column-twice", column));
				}
				if (key.equals("email")) {
					email = i;
				}
				else if (key.equals("name")) {
					name = i;
				}
				else if (key.equals("language")) {
					language = i;
				}
				else if (!IGNORED_COLUMNS.contains(key)) {
					attributes.add(column);
					indexes.add(i);
				}
			}
			if (email < 0) {
				throw new InvalidInputException("file",
						new Text("subscriptions.import.error.no-email-column", String.join(", ", header)));
			}
			return new Columns(email, name, language, attributes, indexes);
		}

	}

}
