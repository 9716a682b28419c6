package org.listserv.accounts;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password guessing through the real filter chains, with a clock that stands still unless the test moves it
 * (so no delay passes by itself and nothing waits). A 401 is a guess that was evaluated; a 429 one that the
 * throttle turned away before any password check.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginThrottleIntegrationTests extends IntegrationTest {

	@TestConfiguration
	static class StoppedClock {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Test
	void evaluatesFewOfOneHundredEightyGuessesFromTwentyAddresses() throws Exception {
		accountService.create("spread@example.org", "", "the-real-password", Role.STAFF);
		int evaluated = 0;
		int turnedAway = 0;
		for (int address = 1; address <= 20; address++) {
			for (int guess = 0; guess < 9; guess++) {
				int status = mvc
					.perform(get("/api/lists").with(httpBasic("spread@example.org", "guess-" + address + "-" + guess))
						.with(from("198.51.100." + address)))
					.andReturn()
					.getResponse()
					.getStatus();
				if (status == 401) {
					evaluated++;
				}
				else if (status == 429) {
					turnedAway++;
				}
			}
		}
		assertThat(evaluated).as("guesses whose password was checked").isLessThanOrEqualTo(30);
		assertThat(evaluated + turnedAway).isEqualTo(180);
		mvc.perform(get("/api/lists").with(httpBasic("spread@example.org", "the-real-password"))
			.with(from("198.51.100.200"))).andExpect(status().isOk());
	}

	@Test
	void locksNobodyOutAfterTwoHundredWrongGuesses() throws Exception {
		accountService.create("second-admin@example.org", "", "admin-real-password", Role.ADMIN);
		for (int i = 0; i < 200; i++) {
			mvc.perform(get("/api/lists").with(httpBasic("second-admin@example.org", "guess-" + i))
				.with(from("192.0.2.66")));
		}
		mvc.perform(get("/api/lists").with(httpBasic("second-admin@example.org", "admin-real-password"))
			.with(from("192.0.2.77"))).andExpect(status().isOk());

		MvcResult throttled = mvc
			.perform(get("/api/lists").with(httpBasic("second-admin@example.org", "admin-real-password"))
				.with(from("192.0.2.66")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andReturn();
		long wait = Long.parseLong(throttled.getResponse().getHeader("Retry-After"));
		assertThat(wait).as("the delay is capped, never a 15-minute lockout").isBetween(1L, 300L);
		assertThat(throttled.getResponse().getContentAsString()).contains("Too many").contains(wait + " s");

		clock.advance(Duration.ofSeconds(wait));
		mvc.perform(get("/api/lists").with(httpBasic("second-admin@example.org", "admin-real-password"))
			.with(from("192.0.2.66"))).andExpect(status().isOk());
	}

	@Test
	void theLoginPageSaysHowLongToWait() throws Exception {
		accountService.create("form-user@example.org", "", "form-real-password", Role.STAFF);
		MvcResult last = null;
		for (int i = 0; i < 8; i++) {
			last = mvc.perform(post("/login").param("username", "form-user@example.org")
				.param("password", "guess-" + i)
				.with(csrf())
				.with(from("192.0.2.88"))).andReturn();
			assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
			if (i == 0) {
				mvc.perform(get("/login?error").session((MockHttpSession) last.getRequest().getSession()))
					.andExpect(content().string(org.hamcrest.Matchers.containsString("Wrong address or password.")))
					.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Too many"))));
			}
		}
		mvc.perform(get("/login?error").session((MockHttpSession) last.getRequest().getSession()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Too many attempts")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesRegex("(?s).*try again in \\d+ s.*")));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
