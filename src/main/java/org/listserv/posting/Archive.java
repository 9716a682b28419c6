package org.listserv.posting;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archive's reads of {@code posts}: distributed posts only, by month, by thread, by words. */
@Repository
class Archive {

	/** One month with how many posts it has. */
	record Month(String month, long posts) {
	}

	private final JdbcClient jdbc;

	Archive(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Month> months(long listId) {
		return jdbc.sql("""
				select to_char(distributed_at at time zone 'UTC', 'YYYY-MM') as month, count(*) as posts
				from posts where list_id = :l and status = 'DISTRIBUTED'
				group by 1 order by 1 desc
				""").param("l", listId).query(Month.class).list();
	}

	/** A month's posts, thread by thread (threads by their first post), oldest first within a thread. */
	List<Post> month(long listId, String month) {
		return jdbc.sql("select " + Posts.COLUMNS + """
				from posts where list_id = :l and status = 'DISTRIBUTED'
				  and to_char(distributed_at at time zone 'UTC', 'YYYY-MM') = :m
				order by coalesce(thread_root_id, id), distributed_at, id
				""").param("l", listId).param("m", month).query(Post.class).list();
	}

	List<Post> thread(long listId, long rootId) {
		return jdbc.sql("select " + Posts.COLUMNS + """
				from posts where list_id = :l and status = 'DISTRIBUTED' and (id = :r or thread_root_id = :r)
				order by distributed_at, id
				""").param("l", listId).param("r", rootId).query(Post.class).list();
	}

	Optional<Post> post(long listId, long id) {
		return jdbc.sql("select " + Posts.COLUMNS + " from posts where list_id = :l and id = :id and status = 'DISTRIBUTED'")
			.param("l", listId).param("id", id).query(Post.class).optional();
	}

	static final String SEARCH = "with q as (select websearch_to_tsquery(listserv_search_config(:lang), :q) as stemmed,"
			+ " websearch_to_tsquery('listserv_simple', :q) as plain) select " + Posts.COLUMNS + """
			from posts, q where list_id = :l and status = 'DISTRIBUTED'
			  and (search @@ q.stemmed or search @@ q.plain)
			order by ts_rank(search, q.stemmed) desc, id desc limit 100
			""";

	/**
	 * Posts matching a web-search query ("quoted phrase", -word, or) in the list's language (its stemmer, no
	 * accents: V30), or word for word without accents (for the words a stemmer drops), best first. The
	 * configurations are computed once per query (a CTE of constants), so both tests stay on the GIN index.
	 */
	List<Post> search(long listId, String language, String query) {
		return jdbc.sql(SEARCH).param("l", listId).param("lang", language).param("q", query).query(Post.class).list();
	}

	/** Every distributed post's original bytes in order, for the mbox export, handed on row by row. */
	void eachRaw(long listId, Consumer<RawPost> action) {
		jdbc.sql("""
				select sender, distributed_at, raw from posts where list_id = :l and status = 'DISTRIBUTED'
				order by distributed_at, id
				""").param("l", listId).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> action
			.accept(new RawPost(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class), rs.getBytes(3))));
	}

	record RawPost(String sender, java.time.OffsetDateTime at, byte[] raw) {
	}

}
