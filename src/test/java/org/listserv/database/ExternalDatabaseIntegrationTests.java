package org.listserv.database;

import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.listserv.IntegrationTest;
import org.listserv.ListservApplication;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set, the application uses that PostgreSQL and starts none of its
 * own. The "external" server here is the test JVM's embedded one, reached over TCP like any other.
 */
class ExternalDatabaseIntegrationTests extends IntegrationTest {

	@Autowired
	HikariDataSource shared;

	@TempDir
	Path otherDataDir;

	@Test
	void usesTheConfiguredDatabaseAndStartsNoEmbeddedServer() {
		MailingList list = newList("ACTION");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ListservApplication.class).run(
				"--spring.datasource.url=" + shared.getJdbcUrl(), "--spring.datasource.username=" + shared.getUsername(),
				"--spring.datasource.password=" + shared.getPassword(), "--listserv.data-dir=" + otherDataDir,
				"--server.port=0", "--listserv.inbound.smtp.port=0", "--spring.main.banner-mode=off")) {
			assertThat(app.getBeansOfType(EmbeddedDatabaseConfiguration.Lease.class)).isEmpty();
			assertThat(app.getBean(ListService.class).get(list.slug()).name()).isEqualTo(list.name());
		}
		assertThat(Files.exists(otherDataDir.resolve("postgres"))).isFalse();
	}

}
