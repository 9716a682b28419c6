package org.listserv.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url}, starts the embedded PostgreSQL and offers it as the
 * application's {@link DataSource} (Boot's own data source then backs off). Contexts in one JVM that
 * name the same data folder share one server, which stops when the last of them closes: a test JVM
 * runs one PostgreSQL for all its application contexts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Map<Path, Shared> SERVERS = new HashMap<>();

	@Bean
	Lease embeddedPostgres(DatabaseProperties properties) {
		return Lease.acquire(properties);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(Lease lease) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(lease.server().jdbcUrl());
		ds.setUsername(EmbeddedPostgres.SUPERUSER);
		ds.setPassword(lease.server().password());
		ds.setPoolName("listserv");
		return ds;
	}

	/** One context's hold on a shared server; closing the last lease stops it. */
	static final class Lease implements AutoCloseable {

		private final Path key;

		private final EmbeddedPostgres server;

		private boolean closed;

		private Lease(Path key, EmbeddedPostgres server) {
			this.key = key;
			this.server = server;
		}

		static Lease acquire(DatabaseProperties properties) {
			Path key = properties.dataDir().toAbsolutePath().normalize();
			synchronized (SERVERS) {
				Shared shared = SERVERS.get(key);
				if (shared == null) {
					EmbeddedPostgres server = new EmbeddedPostgres(key, properties.database());
					server.start();
					shared = new Shared(server);
					SERVERS.put(key, shared);
				}
				shared.leases++;
				return new Lease(key, shared.server);
			}
		}

		EmbeddedPostgres server() {
			return server;
		}

		@Override
		public void close() {
			synchronized (SERVERS) {
				if (closed) {
					return;
				}
				closed = true;
				Shared shared = SERVERS.get(key);
				if (shared != null && --shared.leases == 0) {
					SERVERS.remove(key);
					shared.server.stop();
				}
			}
		}

	}

	private static final class Shared {

		final EmbeddedPostgres server;

		int leases;

		Shared(EmbeddedPostgres server) {
			this.server = server;
		}

	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
