package org.listserv.accounts;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Per-list roles through the API: who may grant them, and what a role on one list says about another. */
class ListRolesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	private static final String PASSWORD = "a long enough password 1";

	private String account() {
		String email = "coalition-" + System.nanoTime() + "@example.org";
		accounts.create(email, "Partner", PASSWORD, Role.STAFF);
		return email;
	}

	private static MockHttpServletRequestBuilder role(String slug, String email, String role) {
		return put("/api/lists/" + slug + "/roles/" + email).contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"" + role + "\"}");
	}

	@Test
	void adminsAndOwnersGrantRolesAndARoleOnOneListSaysNothingAboutAnother() throws Exception {
		MailingList a = newList("ACTION");
		MailingList b = newList("INFORMATIONAL");
		String partner = account();
		String colleague = account();
		mvc.perform(get("/api/lists/" + a.slug() + "/roles").with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isNotFound());

		mvc.perform(role(a.slug(), partner, "sender").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(partner))
			.andExpect(jsonPath("$.role").value("SENDER"))
			.andExpect(jsonPath("$.grantedBy").value(ADMIN));
		mvc.perform(get("/api/lists/" + a.slug() + "/roles").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$[0].email").value(partner))
			.andExpect(jsonPath("$[0].role").value("SENDER"));
		// a SENDER may not hand out roles
		mvc.perform(get("/api/lists/" + a.slug() + "/roles").with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(role(a.slug(), colleague, "VIEWER").with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isForbidden());

		// an OWNER may, on that list only
		mvc.perform(role(a.slug(), partner, "OWNER").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk());
		mvc.perform(role(a.slug(), colleague, "MODERATOR").with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("MODERATOR"))
			.andExpect(jsonPath("$.grantedBy").value(partner));
		mvc.perform(get("/api/lists/" + b.slug() + "/roles").with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(role(b.slug(), colleague, "OWNER").with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/lists/" + b.slug() + "/roles").with(httpBasic(colleague, PASSWORD)))
			.andExpect(status().isNotFound());

		mvc.perform(delete("/api/lists/" + a.slug() + "/roles/" + colleague).with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/lists/" + a.slug() + "/roles/" + colleague).with(httpBasic(partner, PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/lists/" + a.slug() + "/roles").with(httpBasic(colleague, PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aWrongRoleAnAdminOrAnUnknownAccountIsRefusedNamingTheField() throws Exception {
		MailingList a = newList("ACTION");
		String partner = account();
		mvc.perform(role(a.slug(), partner, "BOSS").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("role"));
		mvc.perform(role(a.slug(), partner, "BOSS").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.header("Accept-Language", "es"))
			.andExpect(jsonPath("$.detail").value("Elija un rol: OWNER, SENDER, MODERATOR o VIEWER"));
		mvc.perform(role(a.slug(), ADMIN, "VIEWER").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("email"));
		mvc.perform(role(a.slug(), "nobody-" + System.nanoTime() + "@example.org", "VIEWER")
			.with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(role("no-such-list", partner, "VIEWER").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNotFound());
	}

}
