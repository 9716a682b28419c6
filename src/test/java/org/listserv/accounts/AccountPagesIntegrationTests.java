package org.listserv.accounts;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Test
	void disablingAnAccountWithoutConfirmationKeepsItEnabledAndAsksFirst() throws Exception {
		String email = "disable-me-" + System.nanoTime() + "@example.org";
		accountService.create(email, "Dee", "a long password 1", Role.STAFF);
		long id = accounts.findByEmail(email).orElseThrow().id();

		mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false")
			.with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Disable the account " + email + "?")))
			.andExpect(content().string(containsString("name=\"enabled\" value=\"false\"")));
		assertThat(accounts.findByEmail(email).orElseThrow().enabled()).isTrue();

		mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false").param("confirm", "yes")
			.with(user(ADMIN).roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/admin/users"));
		assertThat(accounts.findByEmail(email).orElseThrow().enabled()).isFalse();

		mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "true")
			.with(user(ADMIN).roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/admin/users"));
		assertThat(accounts.findByEmail(email).orElseThrow().enabled()).as("enabling needs no confirmation").isTrue();
	}


	@Test
	void aShortPasswordIsShownBesideItsFieldAndTheAddressIsKept() throws Exception {
		mvc.perform(post("/admin/users").param("email", "newcomer@example.org").param("name", "New Comer")
			.param("password", "short").param("role", "ADMIN").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"new-user-password-error\"")))
			.andExpect(content().string(containsString("Please correct Password below")))
			.andExpect(content().string(containsString("value=\"newcomer@example.org\"")))
			.andExpect(content().string(containsString("<option value=\"ADMIN\" selected=\"selected\">")));
		assertThat(accounts.findByEmail("newcomer@example.org")).isEmpty();
	}

}
