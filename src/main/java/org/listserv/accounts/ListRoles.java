package org.listserv.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code list_roles} table: who holds which role on which list (V35). */
@Repository
class ListRoles {

	/** One grant, as the API shows it. */
	record Grant(String email, String name, ListRole role, String grantedBy, OffsetDateTime grantedAt) {
	}

	private final JdbcClient jdbc;

	ListRoles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the list with this short name, unless it was deleted (read through report_lists). */
	Optional<Long> listId(String slug) {
		return jdbc.sql("select id from report_lists where slug = :s and deleted_at is null").param("s", slug)
			.query(Long.class).optional();
	}

	Optional<ListRole> role(long listId, String email) {
		return jdbc.sql("""
				select r.role from list_roles r join users u on u.id = r.user_id
				 where r.list_id = :l and lower(u.email) = lower(:e) and u.enabled
				""").param("l", listId).param("e", email).query(String.class).optional().map(ListRole::valueOf);
	}

	/** The lists an account holds a role on. */
	List<Long> listIds(String email) {
		return jdbc.sql("""
				select r.list_id from list_roles r join users u on u.id = r.user_id
				 where lower(u.email) = lower(:e) and u.enabled order by r.list_id
				""").param("e", email).query(Long.class).list();
	}

	/** The addresses of the enabled accounts holding {@code role} on the list. */
	List<String> emails(long listId, ListRole role) {
		return jdbc.sql("""
				select u.email from list_roles r join users u on u.id = r.user_id
				 where r.list_id = :l and r.role = :r and u.enabled order by lower(u.email)
				""").param("l", listId).param("r", role.name()).query(String.class).list();
	}

	List<Grant> grants(long listId) {
		return jdbc.sql("""
				select u.email, u.name, r.role, r.granted_by, r.granted_at
				  from list_roles r join users u on u.id = r.user_id
				 where r.list_id = :l order by lower(u.email)
				""").param("l", listId).query(Grant.class).list();
	}

	/** Grants {@code role}, replacing the account's role on the list if it had one. */
	void put(long listId, long userId, ListRole role, String grantedBy) {
		jdbc.sql("""
				insert into list_roles (list_id, user_id, role, granted_by) values (:l, :u, :r, :by)
				on conflict (list_id, user_id) do update set role = excluded.role, granted_by = excluded.granted_by,
				       granted_at = now()
				""").param("l", listId).param("u", userId).param("r", role.name()).param("by", grantedBy).update();
	}

	boolean remove(long listId, long userId) {
		return jdbc.sql("delete from list_roles where list_id = :l and user_id = :u").param("l", listId)
			.param("u", userId).update() > 0;
	}

}
