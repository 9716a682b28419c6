package org.listserv.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outgoing relay is out of order: it takes the TCP connection and never says a word, the worst kind
 * (each SMTP attempt waits for the 10 s read timeout). The probes and the health summary must not care,
 * and answer while an attempt hangs (how fast they answer is {@code bench/health-relay-down.sh}'s); the relay's state shows in the details and on the sending page. This context sends
 * no campaigns (it would help other tests' sends into the silent relay) and is closed after the class. Not an
 * {@code IntegrationTest}: that one's GreenMail relay settings would win over this class's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RelayHealthIntegrationTests {

	static final String ADMIN = org.listserv.IntegrationTest.ADMIN;

	static final String ADMIN_PASSWORD = org.listserv.IntegrationTest.ADMIN_PASSWORD;

	static final ServerSocket silentRelay = listen();

	/** Every connection the relay took, held open and never answered, so each SMTP attempt hangs. */
	static final List<Socket> taken = new CopyOnWriteArrayList<>();

	private static ServerSocket listen() {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread t = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						taken.add(server.accept());
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "silent-relay");
			t.setDaemon(true);
			t.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the client end of a taken connection is still there (it closes it when its read times out). */
	private static boolean stillOpen(Socket socket) {
		try {
			socket.setSoTimeout(1);
			return socket.getInputStream().read() != -1;
		}
		catch (java.net.SocketTimeoutException ex) {
			return true; // nothing to read, not closed
		}
		catch (IOException ex) {
			return false;
		}
	}

	@DynamicPropertySource
	static void relay(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", silentRelay::getLocalPort);
		registry.add("listserv.sending.background", () -> "false");
	}

	@AfterAll
	static void closeRelay() throws IOException {
		silentRelay.close();
		for (Socket socket : taken) {
			socket.close();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Test
	void probesAndTheHealthSummaryStayUpAndAnswerAtOnceWhileTheRelayIsDown() throws Exception {
		// an SMTP attempt hangs on the silent relay (until its 10 s read timeout)
		int before = taken.size();
		outbox.enqueue(new OutboundMessage("test", EmailAddress.parse("lists@lists.example.org"), "Lists",
				EmailAddress.parse("hanging@example.org"), null, "Hanging", "on the relay", null, Map.of()));
		await("an SMTP attempt on the relay").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20)).until(() -> taken.size() > before);
		Socket attempt = taken.get(taken.size() - 1);
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		// the order of events, not a stopwatch: every answer came while that attempt was still hanging, so
		// none of them waited for the relay
		assertThat(stillOpen(attempt)).as("the SMTP attempt is still hanging after the health answers").isTrue();
	}

	@Test
	void theHealthDetailsAndTheSendingPageSayTheRelayIsDown() throws Exception {
		outbox.enqueue(new OutboundMessage("test", EmailAddress.parse("lists@lists.example.org"), "Lists",
				EmailAddress.parse("waiting@example.org"), null, "Waiting", "for the relay", null, Map.of()));
		await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
			String json = mvc.perform(get("/actuator/health").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(JsonPath.<String>read(json, "$.status")).isEqualTo("UP");
			assertThat(JsonPath.<String>read(json, "$.components.relay.details.state")).isEqualTo("DOWN");
			assertThat(JsonPath.<Integer>read(json, "$.components.relay.details.consecutiveFailures")).isPositive();
			assertThat(JsonPath.<String>read(json, "$.components.relay.details.lastError")).containsIgnoringCase("timed out");
			assertThat(JsonPath.<Integer>read(json, "$.components.relay.details.outbox.pending")).isPositive();
		});
		mvc.perform(get("/admin/sending").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"relay\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Not reachable")))
			.andExpect(content().string(org.hamcrest.Matchers.containsStringIgnoringCase("timed out")))
			// the time of the last failure reads as the other admin pages write times, not as an ISO instant
			.andExpect(content().string(org.hamcrest.Matchers.matchesRegex(
					"(?s).*<span>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC</span>.*")));
	}

}
