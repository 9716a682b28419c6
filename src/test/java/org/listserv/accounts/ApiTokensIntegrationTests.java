package org.listserv.accounts;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiTokensIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private record Made(long id, String token) {
	}

	private Made token(String scopes) throws Exception {
		String json = mvc.perform(post("/api/tokens").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"script\",\"scopes\":[" + scopes + "]}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String token = JsonPath.read(json, "$.token");
		return new Made(((Number) JsonPath.read(json, "$.id")).longValue(), token);
	}

	@Test
	void aTokenIsShownOnceStoredHashedAndListedWithoutIt() throws Exception {
		Made made = token("\"read\"");
		assertThat(made.token()).startsWith("lsv_").hasSizeGreaterThan(40);
		String list = mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + made.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + made.id() + ")].name").value(org.hamcrest.Matchers.contains("script")))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain(made.token()).doesNotContain(made.token().substring(4));
		String stored = jdbc.sql("select token_hash from api_tokens where id = :id").param("id", made.id())
			.query(String.class).single();
		assertThat(stored).isEqualTo(org.listserv.shared.Sha256.hex(made.token())).doesNotContain(made.token());
	}

	@Test
	void aReadTokenReadsButIsRefusedA403ForAChange() throws Exception {
		Made read = token("\"read\"");
		mvc.perform(get("/api/lists").header("Authorization", "Bearer " + read.token())).andExpect(status().isOk());
		mvc.perform(post("/api/lists").header("Authorization", "Bearer " + read.token())
			.contentType(MediaType.APPLICATION_JSON).content("{\"slug\":\"tok-read\",\"name\":\"No\",\"kind\":\"ACTION\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("needs the scope write")));
		assertThat(jdbc.sql("select count(*) from lists where slug = 'tok-read'").query(Long.class).single()).isZero();
	}

	@Test
	void sendingNeedsTheSendScopeAndAdminActionsTheAdminScope() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMember(list, "tok-member@example.org", "");
		Made write = token("\"read\",\"write\"");
		String json = mvc.perform(post("/api/campaigns").header("Authorization", "Bearer " + write.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"Token send\",\"body\":\"Hello\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long campaign = ((Number) JsonPath.read(json, "$.id")).longValue();
		mvc.perform(post("/api/campaigns/" + campaign + "/send").header("Authorization", "Bearer " + write.token()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("needs the scope send")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/campaigns/" + campaign)
			.header("Authorization", "Bearer " + write.token()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"SCHEDULED\",\"scheduledAt\":\"2099-01-01T10:00:00Z\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/campaigns/" + campaign)
			.header("Authorization", "Bearer " + write.token()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"scheduledAt\":\"2099-01-01T10:00:00Z\"}"))
			.andExpect(status().isForbidden());
		assertThat(campaigns.get(campaign).status().name()).isEqualTo("DRAFT");

		// an admin's token without the admin scope still holds every role on the lists (renaming one is an OWNER's),
		// but not what only admins do (deleting a list)
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/lists/" + list.slug())
			.header("Authorization", "Bearer " + write.token()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Renamed by token\"}"))
			.andExpect(status().isOk());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/lists/" + list.slug())
			.header("Authorization", "Bearer " + write.token()))
			.andExpect(status().isForbidden());

		Made send = token("\"send\"");
		mvc.perform(post("/api/campaigns/" + campaign + "/send").header("Authorization", "Bearer " + send.token()))
			.andExpect(status().isAccepted());
		awaitMail("tok-member@example.org", 1);
	}

	@Test
	void aStaffAccountCannotMakeAnAdminTokenNorATokenMoreThanItself() throws Exception {
		ensureStaff();
		mvc.perform(post("/api/tokens").with(httpBasic(STAFF, STAFF_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"scopes\":[\"admin\"]}"))
			.andExpect(status().isBadRequest());
		Made read = token("\"read\",\"write\"");
		mvc.perform(post("/api/tokens").header("Authorization", "Bearer " + read.token()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"scopes\":[\"send\"]}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aRevokedTokenIsRefusedAtOnceAndTheLastUseIsShown() throws Exception {
		Made made = token("\"read\",\"write\"");
		assertThat(lastUsed(made.id())).isNull();
		mvc.perform(get("/api/lists").header("Authorization", "Bearer " + made.token())).andExpect(status().isOk());
		assertThat(lastUsed(made.id())).isNotNull();
		mvc.perform(get("/admin/account").with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("script")))
			.andExpect(content().string(not(containsString(made.token()))));

		mvc.perform(delete("/api/tokens/" + made.id()).header("Authorization", "Bearer " + made.token()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/lists").header("Authorization", "Bearer " + made.token()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/lists").header("Authorization", "Bearer lsv_made-up")).andExpect(status().isUnauthorized());
	}

	@Test
	void theAccountPageMakesATokenShownOnceAndRevokesIt() throws Exception {
		String token = (String) mvc.perform(post("/admin/account/tokens").param("name", "from the page")
			.param("scopes", "read").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(flash().attributeExists("newToken"))
			.andReturn().getFlashMap().get("newToken");
		mvc.perform(get("/api/lists").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		long id = jdbc.sql("select id from api_tokens where token_hash = :h").param("h", org.listserv.shared.Sha256.hex(token))
			.query(Long.class).single();
		mvc.perform(post("/admin/account/tokens/" + id + "/revoke").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/lists").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(post("/admin/account/tokens").param("name", "no csrf").param("scopes", "read")
			.with(user(ADMIN).roles("ADMIN"))).andExpect(status().isForbidden());
	}

	private java.time.OffsetDateTime lastUsed(long id) {
		return jdbc.sql("select last_used_at from api_tokens where id = :id").param("id", id)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).list().get(0);
	}

}
