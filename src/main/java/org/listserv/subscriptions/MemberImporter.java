package org.listserv.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tools.jackson.databind.json.JsonMapper;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.Languages;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports members from CSV in one transaction: the rows stream from the request into a temporary table
 * with PostgreSQL's COPY, and a few set-based statements then sort them into new members, known ones and
 * people who left. Memory stays flat whatever the file's size; a file that fails half-way (unreadable CSV,
 * too large, a database error) leaves the database as it was.
 */
@Service
public class MemberImporter {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MemberImporter.class);

	private final ListService lists;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final SubscriptionsProperties properties;

	private final ImportStatements.Observer observer;

	private final Languages languages;

	private final Texts texts;

	@Autowired
	MemberImporter(ListService lists, JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, JsonMapper json,
			SubscriptionsProperties properties, Languages languages, Texts texts) {
		this(lists, jdbc, dataSource, tx, json, properties, languages, texts, ImportStatements.Observer.NONE);
	}

	/** With an observer that hears of each statement before it runs (tests look at their plans). */
	MemberImporter(ListService lists, JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, JsonMapper json,
			SubscriptionsProperties properties, Languages languages, Texts texts, ImportStatements.Observer observer) {
		this.observer = observer;
		this.languages = languages;
		this.texts = texts;
		this.lists = lists;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = tx;
		this.json = json;
		this.properties = properties;
	}

	/** Imports {@code csv}; the reasons of rejected rows are in the language of the request being answered. */
	public ImportResult importCsv(String slug, InputStream csv, ImportMode mode, Actor actor) {
		MailingList list = lists.get(slug);
		InputStream limited = new SizeLimitedInputStream(csv, properties.importMaxSize().toBytes());
		return tx.execute(status -> {
			// the list stays as it is (not deleted, not changed) while its members are imported
			lists.lockAgainstChanges(list.id());
			Rejections rejections = new Rejections(properties.importMaxReported());
			ImportStatements statements = new ImportStatements(jdbc, list.id(), mode, actor, observer);
			statements.createRowsTable();
			long start = System.nanoTime();
			copyRows(limited, rejections);
			long copied = System.nanoTime();
			statements.analyzeRows();
			statements.rejectDuplicates(
					(line, email, firstLine) -> rejections.add(line, email,
							new Text("subscriptions.import.reject.duplicate", String.valueOf(firstLine))));
			rejections.trim();
			ImportResult result = statements.apply(rejections.inWords(texts), rejections.count);
			log.info("Import into {} by {}: {} imported, {} updated, {} skipped, {} rejected; read and copied in {} ms, sorted in {} ms",
					list.slug(), actor.actor(), result.imported(), result.updated(), result.skipped(),
					result.rejectedCount(), (copied - start) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
			return result;
		});
	}

	private void copyRows(InputStream csv, Rejections rejections) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy import_rows (line, email, name, language, attributes) from stdin (format csv)");
			try {
				CopyWriter writer = new CopyWriter(copy);
				CsvMemberReader.read(csv, languages, new CsvMemberReader.Handler() {
					@Override
					public void row(CsvMemberReader.Row row) {
						writer.write(row.line(), row.email(), row.name(), row.language(), attributes(row.attributes()));
					}

					@Override
					public void rejected(long line, String value, Text reason) {
						rejections.add(line, value, reason);
					}
				});
				writer.flush();
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("COPY import_rows", null, ex);
		}
	}

	private String attributes(Map<String, String> attributes) {
		return attributes.isEmpty() ? "{}" : json.writeValueAsString(attributes);
	}

	/** Rejected rows: all counted, the first few kept in order of line; their reasons put in words at the end. */
	private static final class Rejections {

		private record Kept(long line, String value, Text reason) {
		}

		final int max;

		final List<Kept> list = new ArrayList<>();

		long count;

		Rejections(int max) {
			this.max = max;
		}

		void add(long line, String value, Text reason) {
			count++;
			list.add(new Kept(line, value.length() > 200 ? value.substring(0, 200) + "…" : value, reason));
			if (list.size() > max * 2) {
				trim();
			}
		}

		void trim() {
			list.sort(java.util.Comparator.comparingLong(Kept::line));
			list.subList(Math.min(max, list.size()), list.size()).clear();
		}

		/** The kept ones, each reason in the language of the request (import reasons reach a person). */
		List<ImportResult.Rejection> inWords(Texts texts) {
			return list.stream().map(k -> new ImportResult.Rejection(k.line(), k.value(), texts.get(k.reason()))).toList();
		}

	}

	/** Buffers CSV lines for COPY and sends them in blocks. */
	private static final class CopyWriter {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(1 << 17);

		CopyWriter(CopyIn copy) {
			this.copy = copy;
		}

		void write(long line, String... fields) {
			buffer.append(line);
			for (String f : fields) {
				buffer.append(",\"").append(f.replace("\"", "\"\"")).append('"');
			}
			buffer.append('\n');
			if (buffer.length() > (1 << 16)) {
				flush();
			}
		}

		void flush() {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			buffer.setLength(0);
			try {
				copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new UncategorizedSQLException("COPY import_rows", null, ex);
			}
		}

	}

}
