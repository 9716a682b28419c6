package org.listserv.accounts;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LoginThrottleIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void locksAnAccountForOneAddressAfterTenWrongPasswords() throws Exception {
		accountService.create("guessed@example.org", "", "the-real-password", Role.STAFF);
		mvc.perform(get("/api/lists").with(httpBasic("guessed@example.org", "the-real-password")))
			.andExpect(status().isOk());
		for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
			mvc.perform(get("/api/lists").with(httpBasic("guessed@example.org", "guess-" + i)))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/lists").with(httpBasic("guessed@example.org", "the-real-password")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/lists").with(httpBasic("guessed@example.org", "the-real-password")).with(r -> {
			r.setRemoteAddr("192.0.2.7");
			return r;
		})).andExpect(status().isOk());
	}

}
