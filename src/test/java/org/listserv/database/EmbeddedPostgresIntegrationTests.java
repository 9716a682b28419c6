package org.listserv.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.listserv.ListservApplication;
import org.listserv.lists.ListRequest;
import org.listserv.lists.ListService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real application, started and stopped twice on one data folder. */
class EmbeddedPostgresIntegrationTests {

	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ListservApplication.class).run("--listserv.data-dir=" + dataDir,
				"--server.port=0", "--listserv.inbound.smtp.port=0", "--spring.main.banner-mode=off",
				"--listserv.admin.password=restart-password-1");
	}

	@Test
	void dataSurvivesARestartAndTheServerStopsWithTheApplication() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			app.getBean(ListService.class)
				.create(new ListRequest("survivor", "Survivor", "INFORMATIONAL", "kept", null, null, null, null, null,
						null));
			assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isTrue();
		}
		assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
			.as("the server is stopped when the application closes")
			.isFalse();
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(ListService.class).get("survivor").description()).isEqualTo("kept");
			assertThat(app.getBean(JdbcClient.class).sql("select count(*) from users").query(Long.class).single())
				.as("the first admin is created once, not at every start")
				.isEqualTo(1);
		}
	}

	@Test
	void recoversAfterTheApplicationIsKilledLeavingPostgresRunning() throws Exception {
		Path log = dataDir.resolve("killed-app.log");
		Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ListservApplication.class.getName(),
				"--listserv.data-dir=" + dataDir, "--server.port=0", "--listserv.inbound.smtp.port=0",
				"--spring.main.banner-mode=off", "--listserv.admin.password=restart-password-1")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			// up to 90 s, and no longer once the process has died without starting
			await("the first application starts: " + log).atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(200)).until(() -> {
					if (Files.readString(log).contains("Started ListservApplication")) {
						return true;
					}
					assertThat(app.isAlive()).as("the first application starts: %s", log).isTrue();
					return false;
				});
		}
		finally {
			app.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, PostgreSQL is orphaned
		}
		assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isTrue();
		try (ConfigurableApplicationContext again = start()) {
			assertThat(again.getBean(JdbcClient.class).sql("select count(*) from users").query(Long.class).single())
				.isEqualTo(1);
		}
	}

	@Test
	void runsPostgresAsAnUnprivilegedUserWhenStartedAsRoot() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
			int owner = (Integer) Files.getAttribute(dataDir.resolve("postgres"), "unix:uid");
			String user = app.getBean(JdbcClient.class).sql("select current_user").query(String.class).single();
			assertThat(user).isEqualTo("postgres");
			if (uid == 0) {
				assertThat(owner).as("PostgreSQL refuses root, so the cluster belongs to another user").isNotZero();
			}
			else {
				assertThat(owner).isEqualTo(uid);
			}
			assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres.password")))
				.as("the generated database password is readable by its owner only")
				.hasSize(2);
		}
	}

}
