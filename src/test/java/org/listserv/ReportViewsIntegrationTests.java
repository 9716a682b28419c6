package org.listserv;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-only views over other capabilities' tables (V20): each says whose rows it shows, refuses writes,
 * and is inlined into the query so the table's indexes still serve it.
 */
class ReportViewsIntegrationTests extends IntegrationTest {

	static final List<String> VIEWS = List.of("report_lists", "report_subscribers", "report_memberships",
			"report_consent_events", "report_campaigns", "report_deliveries", "report_inbound_messages",
			"member_recipients");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void everyViewNamesTheOwnerOfItsRowsAndSaysItIsReadOnly() {
		for (String view : VIEWS) {
			String comment = jdbc.sql("select obj_description(cast(:v as regclass), 'pg_class')")
				.param("v", view)
				.query(String.class)
				.single();
			assertThat(comment).as(view).startsWith("Rows owned by ").contains("Read-only");
		}
	}

	@Test
	void aWriteThroughAViewIsRefused() {
		MailingList list = newList("INFORMATIONAL");
		assertThatThrownBy(() -> jdbc.sql("update report_lists set name = 'changed' where id = :id")
			.param("id", list.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("read-only view");
		assertThatThrownBy(() -> jdbc.sql("delete from report_lists where id = :id").param("id", list.id()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("read-only view");
		assertThatThrownBy(() -> jdbc.sql("insert into member_recipients (list_id, subscriber_id) values (:l, 1)")
			.param("l", list.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("read-only view");
		assertThat(jdbc.sql("select name from lists where id = :id and deleted_at is null")
			.param("id", list.id())
			.query(String.class)
			.single()).isEqualTo(list.name());
	}

	@Test
	void aViewKeepsTheIndexesOfItsTableUsable() {
		List<String> deliveries = plan("select * from report_deliveries where campaign_id = 1");
		List<String> members = plan("select * from member_recipients where list_id = 1 and status = 'ACTIVE'");
		List<String> memberships = plan("select * from report_memberships where subscriber_id = 1");
		assertThat(String.join("\n", deliveries)).contains("Index").contains("deliveries");
		assertThat(String.join("\n", members)).contains("Index").contains("memberships");
		assertThat(String.join("\n", memberships)).contains("Index").contains("memberships");
	}

	/** The plan with sequential scans made too costly to pick, so an index is used whenever one can be. */
	private List<String> plan(String sql) {
		return tx.execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return jdbc.sql("explain " + sql).query(String.class).list();
		});
	}

}
