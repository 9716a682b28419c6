package org.listserv.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

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
 * and answer at once; the relay's state shows in the details and on the sending page. This context sends
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

	private static ServerSocket listen() {
		try {
			return new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // never accepts: the kernel does
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Test
	void probesAndTheHealthSummaryStayUpAndAnswerAtOnceWhileTheRelayIsDown() throws Exception {
		long start = System.nanoTime();
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		assertThat(Duration.ofNanos(System.nanoTime() - start))
			.as("no health call waits for the relay (its read timeout is 10 s)")
			.isLessThan(Duration.ofSeconds(5));
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
