package org.listserv.accounts;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Forgot your password?": the mail read from GreenMail, its link single-use and expiring, no enumeration. */
class PasswordResetIntegrationTests extends IntegrationTest {

	private static final String OLD = "the old password 1";

	private static final String NEW = "the new password 2";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMailedLinkSetsANewPasswordOnceAndEndsTheOtherSessions() throws Exception {
		String email = newAccount("reset");
		MockHttpSession before = login(email, OLD);
		mvc.perform(get("/admin").session(before)).andExpect(status().isOk());

		String link = askAndReadLink(email);
		String path = link.substring(link.indexOf("/login/reset/"));
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"set-password\"")));
		mvc.perform(post(path).param("password", "short").with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"password-error\"")));
		mvc.perform(post(path).param("password", NEW).with(csrf())).andExpect(redirectedUrl("/login?reset"));

		mvc.perform(get("/admin").session(before)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(formLogin("/login").user(email).password(OLD)).andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/admin").session(login(email, NEW))).andExpect(status().isOk());

		mvc.perform(get(path)).andExpect(content().string(containsString("id=\"reset-invalid\"")));
		mvc.perform(post(path).param("password", "yet another password").with(csrf()))
			.andExpect(content().string(containsString("id=\"reset-invalid\"")));
		mvc.perform(get("/admin").session(login(email, NEW))).andExpect(status().isOk());
	}

	@Test
	void aLinkMoreThanAnHourOldNoLongerWorks() throws Exception {
		String email = newAccount("expired");
		String link = askAndReadLink(email);
		String path = link.substring(link.indexOf("/login/reset/"));
		jdbc.sql("update password_resets set created_at = created_at - interval '61 minutes', expires_at = expires_at - interval '61 minutes' "
				+ "where user_id = (select id from users where email = :e)").param("e", email).update();
		mvc.perform(get(path)).andExpect(content().string(containsString("id=\"reset-invalid\"")));
		mvc.perform(post(path).param("password", NEW).with(csrf()))
			.andExpect(content().string(containsString("id=\"reset-invalid\"")));
		mvc.perform(formLogin("/login").user(email).password(OLD)).andExpect(redirectedUrl("/admin"));
	}

	@Test
	void anUnknownAddressGetsTheSamePageAndNoMail() throws Exception {
		String known = newAccount("known");
		String unknown = "nobody-" + System.nanoTime() + "@example.org";
		String forKnown = mvc.perform(post("/login/forgot").param("email", known).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String forUnknown = mvc.perform(post("/login/forgot").param("email", unknown).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(forUnknown).isEqualTo(forKnown).contains("id=\"reset-sent\"");
		awaitMail(known, 1);
		assertThroughout(Duration.ofSeconds(2), () -> assertThat(mailTo(unknown)).isEmpty());
		mvc.perform(post("/login/forgot").param("email", known)).andExpect(status().isForbidden());
	}

	@Test
	void theMailIsInTheAccountsLanguage() throws Exception {
		String email = newAccount("spanish");
		accountService.setLanguage(email, "es");
		mvc.perform(post("/login/forgot").param("email", email).header("Accept-Language", "en").with(csrf()))
			.andExpect(status().isOk());
		jakarta.mail.internet.MimeMessage mail = awaitMail(email, 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Elija una nueva contraseña para listserv");
		assertThat(body(mail)).contains("funciona una sola vez, durante 60 minutos");
	}

	private String askAndReadLink(String email) throws Exception {
		mvc.perform(get("/login/forgot")).andExpect(status().isOk());
		mvc.perform(post("/login/forgot").param("email", email).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reset-sent\"")));
		return find(awaitMail(email, 1).get(0), "(http://localhost:8080/login/reset/[A-Za-z0-9_-]{43})");
	}

	private String newAccount(String prefix) {
		String email = prefix + "-" + System.nanoTime() + "@example.org";
		accountService.create(email, "", OLD, Role.STAFF);
		return email;
	}

	private MockHttpSession login(String email, String password) throws Exception {
		MvcResult r = mvc.perform(formLogin("/login").user(email).password(password)).andExpect(redirectedUrl("/admin"))
			.andReturn();
		return (MockHttpSession) r.getRequest().getSession(false);
	}

}
