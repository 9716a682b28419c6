package org.listserv.web;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SecurityIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesSendStrangersToTheLoginPage() throws Exception {
		mvc.perform(get("/admin/lists")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void formLoginWorksWithTheRightPasswordOnly() throws Exception {
		mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD)).andExpect(redirectedUrl("/admin"));
		mvc.perform(formLogin("/login").user(ADMIN).password("guess")).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void pageFormsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/admin/lists").with(user(ADMIN).roles("ADMIN")).param("slug", "no-csrf")
			.param("name", "x")
			.param("kind", "ACTION")).andExpect(status().isForbidden());
		assertThat(listService.find("no-csrf")).isEmpty();
		mvc.perform(post("/admin/lists").with(user(ADMIN).roles("ADMIN")).with(csrf()).param("slug", "with-csrf")
			.param("name", "x")
			.param("kind", "ACTION")).andExpect(redirectedUrl("/admin/lists/with-csrf"));
		assertThat(listService.find("with-csrf")).isPresent();
	}

	@Test
	void staffCannotChangeSettingsOrManageUsersInThePages() throws Exception {
		MailingList list = newList("ACTION");
		String viewer = accountWithRole(list, "VIEWER");
		mvc.perform(post("/admin/lists/" + list.slug() + "/settings").with(user(viewer).roles("STAFF"))
			.with(csrf())
			.param("name", "Hijacked")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(STAFF).roles("STAFF"))).andExpect(status().isOk());
		assertThat(listService.get(list.slug()).name()).isEqualTo(list.name());
	}

	@Test
	void healthIsPublicOtherActuatorEndpointsNeedAdmin() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/metrics").with(httpBasic(STAFF_ensure(), STAFF_PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/metrics").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk());
	}

	private String STAFF_ensure() {
		ensureStaff();
		return STAFF;
	}

	@Test
	void unknownListPageIsAClear404() throws Exception {
		mvc.perform(get("/admin/lists/does-not-exist").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isNotFound());
	}

}
