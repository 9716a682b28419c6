package org.listserv.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the application keeps its data and how the embedded PostgreSQL runs. Used only when
 * {@code spring.datasource.url} is not set.
 *
 * @param dataDir the application's data folder; PostgreSQL's cluster lives in {@code dataDir/postgres}
 * @param database settings of the embedded PostgreSQL server
 */
@ConfigurationProperties("listserv")
public record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Embedded database) {

	/**
	 * @param port TCP port on 127.0.0.1; 0 picks a free one at each start
	 * @param binariesDir where the PostgreSQL binaries are unpacked; empty means the system temp folder
	 * @param startTimeout how long to wait for the server to accept connections
	 * @param wipeOnStart delete the cluster before starting: for tests only, never in production
	 * @param runAsUser when the application runs as root, the unprivileged user PostgreSQL runs as
	 *        (PostgreSQL refuses to run as root); empty means the owner of an existing cluster, else nobody
	 */
	public record Embedded(@DefaultValue("0") int port, @DefaultValue("") String binariesDir,
			@DefaultValue("60s") java.time.Duration startTimeout, @DefaultValue("false") boolean wipeOnStart,
			@DefaultValue("") String runAsUser) {
	}

}
