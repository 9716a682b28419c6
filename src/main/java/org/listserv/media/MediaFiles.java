package org.listserv.media;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code media_files} table: the images and their bytes. */
@Repository
class MediaFiles {

	private static final String COLUMNS = """
			select id, filename, type, size, sha256, width, height, uploaded_by, uploaded_at from media_files
			""";

	private final JdbcClient jdbc;

	MediaFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest first. */
	List<MediaFile> all() {
		return jdbc.sql(COLUMNS + " order by uploaded_at desc, id desc limit 1000").query(MediaFile.class).list();
	}

	Optional<MediaFile> find(long id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(MediaFile.class).optional();
	}

	Optional<MediaFile> findBySha256(String sha256) {
		return jdbc.sql(COLUMNS + " where sha256 = :sha").param("sha", sha256).query(MediaFile.class).optional();
	}

	/** The bytes and the type to serve them as. */
	Optional<byte[]> content(long id) {
		return jdbc.sql("select content from media_files where id = :id").param("id", id).query(byte[].class)
			.optional();
	}

	/**
	 * Stores an image unless the same bytes are stored already (the unique sha256 decides, also between two
	 * uploads at the same moment): the id of the row that holds them either way.
	 */
	long insert(String filename, ImageType type, byte[] content, String sha256, int width, int height, String user) {
		Optional<Long> id = jdbc.sql("""
				insert into media_files (filename, type, content, size, sha256, width, height, uploaded_by)
				values (:filename, :type, :content, :size, :sha256, :width, :height, :user)
				on conflict (sha256) do nothing
				returning id
				""")
			.param("filename", filename).param("type", type.name()).param("content", content)
			.param("size", content.length).param("sha256", sha256).param("width", width).param("height", height)
			.param("user", user)
			.query(Long.class).optional();
		return id.orElseGet(() -> findBySha256(sha256).orElseThrow().id());
	}

	boolean delete(long id) {
		return jdbc.sql("delete from media_files where id = :id").param("id", id).update() == 1;
	}

}
