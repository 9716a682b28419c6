package org.listserv.subscriptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a list's members as CSV while reading them from a database cursor, so an export of a million
 * members never holds them all. Columns: email, name, status, mode, subscribed_at, language (the subscriber's
 * own, blank when they have none), then one column per attribute key found on the list. The file imports
 * again as it is.
 */
@Service
public class MemberExporter {

	/** email, name, status, mode, subscribed_at, language: the columns before the attributes. */
	private static final int FIXED_COLUMNS = 6;

	private final ListService lists;

	private final JdbcTemplate cursor;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	MemberExporter(ListService lists, DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json) {
		this.lists = lists;
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(2000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
	}

	/** Checks the list exists before the response starts; the returned writer does the rest. */
	public Export export(String slug, String status) {
		MailingList list = lists.get(slug);
		MembershipStatus wanted = status == null || status.isBlank() ? null : MemberService.status(status);
		return out -> readOnly.executeWithoutResult(tx -> write(list, wanted, out));
	}

	/** A CSV export ready to be written to a response. */
	@FunctionalInterface
	public interface Export {

		void writeTo(OutputStream out);

	}

	private void write(MailingList list, MembershipStatus status, OutputStream out) {
		String filter = "where m.list_id = ?" + (status == null ? "" : " and m.status = ?");
		Object[] args = status == null ? new Object[] { list.id() } : new Object[] { list.id(), status.name() };
		List<String> keys = cursor.queryForList("""
				select distinct k from memberships m join subscribers s on s.id = m.subscriber_id,
				       jsonb_object_keys(s.attributes) k
				""" + filter + " order by k", String.class, args);
		List<String> header = new ArrayList<>(List.of("email", "name", "status", "mode", "subscribed_at", "language"));
		keys.stream().filter(k -> !header.contains(k.toLowerCase(java.util.Locale.ROOT))).forEach(header::add);
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
			cursor.query("""
					select s.email, s.name, m.status, m.delivery_mode, m.subscribed_at, s.language, s.attributes::text as attributes
					from memberships m join subscribers s on s.id = m.subscriber_id
					""" + filter + " order by m.id", rs -> {
				try {
					List<Object> row = new ArrayList<>(header.size());
					row.add(rs.getString("email"));
					row.add(rs.getString("name"));
					row.add(rs.getString("status"));
					row.add(rs.getString("delivery_mode"));
					OffsetDateTime at = rs.getObject("subscribed_at", OffsetDateTime.class);
					row.add(at == null ? "" : at.toString());
					String language = rs.getString("language");
					row.add(language == null ? "" : language);
					Map<String, Object> attributes = json.readValue(rs.getString("attributes"),
							new TypeReference<Map<String, Object>>() {
							});
					for (String key : header.subList(FIXED_COLUMNS, header.size())) {
						Object v = attributes.get(key);
						row.add(v == null ? "" : v instanceof String s ? s : json.writeValueAsString(v));
					}
					csv.printRecord(row);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, args);
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
