package org.listserv.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.listserv.IntegrationTest;
import org.listserv.ListservApplication;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away under a running application and comes back. A second application runs on the test
 * JVM's database through a TCP proxy that the test cuts (connections reset, new ones refused) and restores;
 * every request is real HTTP, so authentication runs as in production.
 */
class DatabaseOutageIntegrationTests extends IntegrationTest {

	@Autowired
	HikariDataSource shared;

	@TempDir
	Path dataDir;

	@Test
	void answersServiceUnavailableWhileTheDatabaseIsDownAndWorksAgainWhenItIsBack() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		URI db = URI.create(shared.getJdbcUrl().substring("jdbc:".length()));
		try (TcpProxy proxy = new TcpProxy(db.getHost(), db.getPort());
				ConfigurableApplicationContext app = new SpringApplicationBuilder(ListservApplication.class)
					.profiles("test")
					.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath(),
							"--spring.datasource.username=" + shared.getUsername(),
							"--spring.datasource.password=" + shared.getPassword(),
							"--spring.datasource.hikari.connection-timeout=1000", "--listserv.data-dir=" + dataDir,
							"--server.port=0", "--listserv.inbound.smtp.port=0", "--spring.main.banner-mode=off",
							"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
							"--listserv.sending.background=false")) {
			Web web = new Web(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			Web session = new Web(web.port);
			assertThat(web.api().statusCode()).isEqualTo(200);
			assertThat(session.login(ADMIN, ADMIN_PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
					l -> assertThat(l).endsWith("/admin"));

			proxy.cut();

			HttpResponse<String> api = web.api();
			assertThat(api.statusCode()).as("HTTP Basic while the database is down").isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
					t -> assertThat(t).startsWith("application/problem+json"));
			assertThat(api.headers().firstValue("Retry-After")).isPresent();
			assertThat(api.body()).contains("\"status\":503").contains("database is unavailable");

			HttpResponse<String> login = new Web(web.port).login(ADMIN, ADMIN_PASSWORD);
			assertThat(login.statusCode()).as("form login while the database is down").isEqualTo(503);
			assertThat(login.headers().firstValue("Retry-After")).isPresent();
			assertThat(login.body()).contains("database is unavailable");

			HttpResponse<String> page = session.get("/admin/lists");
			assertThat(page.statusCode()).as("a page of a logged-in admin").isEqualTo(503);
			assertThat(page.body()).contains("database is unavailable");

			HttpResponse<String> subscribe = web.subscribe(list, "outage@example.org");
			assertThat(subscribe.statusCode()).as("the public subscribe form").isEqualTo(503);
			assertThat(subscribe.body()).contains("database is unavailable");

			assertThat(web.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(web.get("/actuator/health/readiness").statusCode()).isEqualTo(503);

			proxy.restore();

			await().atMost(Duration.ofSeconds(30)).until(() -> web.api().statusCode() == 200);
			assertThat(web.subscribe(list, "outage@example.org").statusCode()).isEqualTo(200);
			assertThat(new Web(web.port).login(ADMIN, ADMIN_PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
			assertThat(session.get("/admin/lists").statusCode()).isEqualTo(200);
			assertThat(web.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		}
	}

	/** A browser-like client: asks for HTML, keeps its cookies, follows no redirects. */
	private static final class Web {

		private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		final int port;

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		Web(int port) {
			this.port = port;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> api() throws IOException, InterruptedException {
			String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(uri("/api/lists"))
				.header("Authorization", "Basic " + basic)
				.header("Accept", "application/json")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
			Matcher token = CSRF.matcher(get("/login").body());
			assertThat(token.find()).as("the login form has a CSRF token").isTrue();
			return post("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
					+ encode(token.group(1)));
		}

		HttpResponse<String> subscribe(MailingList list, String email) throws IOException, InterruptedException {
			return post("/subscribe/" + list.slug(), "email=" + encode(email) + "&name=");
		}

		private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", HTML)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}

		private static String encode(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}

	}

}
