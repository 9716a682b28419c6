package org.listserv.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two-factor login end to end, with the codes computed here by java-otp from the secret the page shows. */
class TwoFactorLoginIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = "a long password 2fa";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationSettings settings;

	@Autowired
	Accounts accounts;

	@Test
	void loginNeedsTheCodeAfterThePasswordRefusesWrongAndReplayedCodesAndTakesRecoveryCodesOnce() throws Exception {
		String email = newAccount("totp");
		MockHttpSession first = login(email);
		Enrolment enrolment = enrol(first, "/admin/account/two-factor");
		mvc.perform(get("/admin").session(first)).andExpect(status().isOk());

		MockHttpSession session = login(email);
		mvc.perform(get("/admin/lists").session(session)).andExpect(redirectedUrl("/login/code"));
		mvc.perform(get("/admin/account").session(session)).andExpect(redirectedUrl("/login/code"));
		code(session, "000000".equals(enrolment.codeNow()) ? "111111" : "000000").andExpect(status().isOk())
			.andExpect(content().string(containsString("That code is not right")));
		// the enrolment's code, replayed
		code(session, enrolment.codeNow()).andExpect(status().isOk())
			.andExpect(content().string(containsString("That code is not right")));
		mvc.perform(get("/admin/lists").session(session)).andExpect(redirectedUrl("/login/code"));

		code(session, enrolment.codeAt(Duration.ofSeconds(30))).andExpect(redirectedUrl("/admin/lists"));
		mvc.perform(get("/admin/lists").session(session)).andExpect(status().isOk());

		MockHttpSession again = login(email);
		code(again, enrolment.codeAt(Duration.ofSeconds(30))).andExpect(status().isOk())
			.andExpect(content().string(containsString("That code is not right")));

		String recovery = enrolment.recoveryCodes().get(0);
		code(again, recovery.toUpperCase(Locale.ROOT)).andExpect(redirectedUrl("/admin"));
		MockHttpSession third = login(email);
		code(third, recovery).andExpect(status().isOk()).andExpect(content().string(containsString("That code is not right")));
		code(third, enrolment.recoveryCodes().get(1)).andExpect(redirectedUrl("/admin"));
		mvc.perform(get("/admin/account").session(third)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Recovery codes left: 8.")));

		mvc.perform(get("/api/lists").with(httpBasic(email, PASSWORD))).andExpect(status().isUnauthorized());
	}

	@Test
	void theLoginThrottleTurnsCodesAwayAfterFiveWrongOnes() throws Exception {
		String email = newAccount("throttled");
		Enrolment enrolment = enrol(login(email), "/admin/account/two-factor");
		MockHttpSession session = login(email);
		String right = enrolment.codeAt(Duration.ofSeconds(30));
		String wrong = "000000".equals(right) ? "111111" : "000000";
		// from an address of its own (TEST-NET-1), so that the address counter does not slow other tests' logins
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login/code").param("code", wrong).session(session).with(csrf()).with(from("192.0.2.15")))
				.andExpect(content().string(containsString("That code is not right")));
		}
		mvc.perform(post("/login/code").param("code", right).session(session).with(csrf()).with(from("192.0.2.15")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Too many attempts to log in")));
		mvc.perform(get("/admin").session(session)).andExpect(redirectedUrl("/login/code"));
	}

	@Test
	void anAdminTurnsOffTheTwoFactorLoginOfSomeoneWhoLostTheirPhone() throws Exception {
		String email = newAccount("lost-phone");
		enrol(login(email), "/admin/account/two-factor");
		long id = accounts.findByEmail(email).orElseThrow().id();
		mvc.perform(post("/admin/users/" + id + "/two-factor/off").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Turn off two-factor login for " + email + "?")));
		assertThat(accounts.loginState(email).orElseThrow().totpEnabled()).isTrue();
		mvc.perform(post("/admin/users/" + id + "/two-factor/off").param("confirm", "yes").with(user(STAFF).roles("STAFF"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/" + id + "/two-factor/off").param("confirm", "yes").with(user(ADMIN).roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/admin/users"));
		assertThat(accounts.loginState(email).orElseThrow().totpEnabled()).isFalse();
		mvc.perform(get("/admin").session(login(email))).andExpect(status().isOk());
	}

	@Test
	void turningItOffAsksThePassword() throws Exception {
		String email = newAccount("totp-off");
		MockHttpSession session = login(email);
		enrol(session, "/admin/account/two-factor");
		mvc.perform(post("/admin/account/two-factor/off").param("password", "not the password").session(session).with(csrf()))
			.andExpect(flash().attribute("error", "Wrong password"));
		assertThat(accounts.loginState(email).orElseThrow().totpEnabled()).isTrue();
		mvc.perform(post("/admin/account/two-factor/off").param("password", PASSWORD).session(session).with(csrf()))
			.andExpect(flash().attribute("notice", "Two-factor login is off"));
		assertThat(accounts.loginState(email).orElseThrow().totpEnabled()).isFalse();
		mvc.perform(get("/admin").session(login(email))).andExpect(status().isOk());
	}

	@Test
	void whenAnAdminRequiresItAnAccountWithoutItIsSentToEnrolAndCanDoNothingElse() throws Exception {
		mvc.perform(post("/admin/settings/two-factor").param("required", "true").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("error", containsString("your own account first")));
		assertThat(settings.twoFactorRequired()).isFalse();
		String email = newAccount("required");
		settings.setTwoFactorRequired(true, "test");
		try {
			MockHttpSession session = login(email);
			mvc.perform(get("/admin").session(session)).andExpect(redirectedUrl("/login/enrol"));
			mvc.perform(get("/admin/campaigns").session(session)).andExpect(redirectedUrl("/login/enrol"));
			mvc.perform(post("/admin/account/language").param("language", "es").session(session).with(csrf()))
				.andExpect(redirectedUrl("/login/enrol"));
			mvc.perform(get("/api/lists").with(httpBasic(email, PASSWORD))).andExpect(status().isUnauthorized());
			mvc.perform(get("/login/enrol").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Your organisation requires two-factor login")));
			enrol(session, "/login/enrol");
			mvc.perform(get("/admin/campaigns").session(session)).andExpect(status().isOk());
			mvc.perform(post("/admin/account/two-factor/off").param("password", PASSWORD).session(session).with(csrf()))
				.andExpect(flash().attribute("error", containsString("cannot be turned off")));
		}
		finally {
			settings.setTwoFactorRequired(false, "test");
		}
	}

	/** What a test knows after enrolling: the secret (as the page showed it) and the recovery codes. */
	private record Enrolment(byte[] secret, Instant at, List<String> recoveryCodes) {

		String codeNow() throws Exception {
			return codeAt(Duration.ZERO);
		}

		String codeAt(Duration later) throws Exception {
			TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);
			return String.format("%06d", totp.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), at.plus(later)));
		}

	}

	@SuppressWarnings("unchecked")
	private Enrolment enrol(MockHttpSession session, String path) throws Exception {
		MvcResult page = mvc.perform(get(path).session(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("otpauth://totp/")))
			.andExpect(content().string(containsString("data:image/svg+xml;base64,"))).andReturn();
		String shown = (String) page.getModelAndView().getModel().get("secret");
		byte[] secret = new Base32().decode(shown.replace(" ", ""));
		assertThat(secret).hasSize(20);
		Instant now = Instant.now();
		Enrolment e = new Enrolment(secret, now, List.of());
		String wrong = "000000".equals(e.codeNow()) ? "111111" : "000000";
		mvc.perform(post(path).param("code", wrong).session(session).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")));
		MvcResult done = mvc.perform(post(path).param("code", e.codeNow()).session(session).with(csrf()))
			.andExpect(status().isOk()).andReturn();
		List<String> codes = (List<String>) done.getModelAndView().getModel().get("codes");
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		mvc.perform(get("/admin/account").session(session)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(shown))));
		return new Enrolment(secret, now, codes);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private org.springframework.test.web.servlet.ResultActions code(MockHttpSession session, String code) throws Exception {
		return mvc.perform(post("/login/code").param("code", code).session(session).with(csrf()));
	}

	private String newAccount(String prefix) {
		String email = prefix + "-" + System.nanoTime() + "@example.org";
		accountService.create(email, "Two Factor", PASSWORD, Role.STAFF);
		return email;
	}

	private MockHttpSession login(String email) throws Exception {
		MvcResult r = mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/admin"))
			.andReturn();
		return (MockHttpSession) r.getRequest().getSession(false);
	}

}
