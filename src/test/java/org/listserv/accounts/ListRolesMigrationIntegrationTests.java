package org.listserv.accounts;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V35 on a database as it was before per-list roles: a fresh database on the test's PostgreSQL, migrated to
 * V32, given a STAFF and an ADMIN account and two lists, then migrated on. The STAFF account owns both lists,
 * marked as given by the upgrade; the admin gets no rows (admins hold every role).
 */
class ListRolesMigrationIntegrationTests extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void staffAccountsBecomeOwnersOfEveryListAndAdminsGetNoRows() throws Exception {
		String database = "roles_migration_" + System.nanoTime();
		String url;
		String user;
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			url = c.getMetaData().getURL();
			user = c.getMetaData().getUserName();
			s.execute("create database " + database);
		}
		String otherUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		try (SingleConnectionDataSource fresh = new SingleConnectionDataSource(otherUrl, user,
				dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getPassword(), true)) {
			Flyway.configure().dataSource(fresh).locations("classpath:db/migration").target("32").load().migrate();
			JdbcClient jdbc = JdbcClient.create(fresh);
			jdbc.sql("insert into users (email, name, password_hash, role) values ('staff@x.org', 'S', 'x', 'STAFF'),"
					+ " ('admin@x.org', 'A', 'x', 'ADMIN')").update();
			jdbc.sql("insert into lists (slug, name, kind, subscription_policy, posting_policy) values"
					+ " ('alerts', 'Alerts', 'ACTION', 'CONFIRM', 'MODERATED'),"
					+ " ('news', 'News', 'INFORMATIONAL', 'CONFIRM', 'ANNOUNCE')").update();
			Flyway.configure().dataSource(fresh).locations("classpath:db/migration").target("35").load().migrate();
			assertThat(jdbc.sql("""
					select l.slug || ' ' || u.email || ' ' || r.role || ' ' || r.granted_by
					  from list_roles r join lists l on l.id = r.list_id join users u on u.id = r.user_id
					 order by l.slug
					""").query(String.class).list()).containsExactly(
					"alerts staff@x.org OWNER upgrade to per-list roles", "news staff@x.org OWNER upgrade to per-list roles");
		}
		finally {
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				s.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

}
