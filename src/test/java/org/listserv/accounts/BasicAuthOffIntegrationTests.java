package org.listserv.accounts;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code listserv.accounts.api-basic-auth=false}: the API takes tokens only. */
@TestPropertySource(properties = "listserv.accounts.api-basic-auth=false")
class BasicAuthOffIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void basicWithTheRightPasswordIsRefusedAndABearerTokenWorks() throws Exception {
		mvc.perform(get("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().stringValues("WWW-Authenticate", "Bearer realm=\"listserv\""));
		mvc.perform(post("/api/tokens").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"scopes\":[\"read\"]}")).andExpect(status().isUnauthorized());

		String made = mvc.perform(post("/admin/account/tokens").param("name", "tokens only").param("scopes", "read")
			.with(user(ADMIN).roles("ADMIN")).with(csrf())).andReturn().getFlashMap().get("newToken").toString();
		mvc.perform(get("/api/lists").header("Authorization", "Bearer " + made)).andExpect(status().isOk());
		mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + made))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].name").exists());
	}

}
