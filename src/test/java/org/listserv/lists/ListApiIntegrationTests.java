package org.listserv.lists;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ListApiIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private long listRows() {
		return jdbc.sql("select count(*) from lists").query(Long.class).single();
	}

	@Test
	void refusesEveryApiCallWithoutLoginAsProblemJson() throws Exception {
		mvc.perform(get("/api/lists"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"listserv\""))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/lists").with(httpBasic(ADMIN, "wrong-password"))).andExpect(status().isUnauthorized());
	}

	@Test
	void adminCreatesAnActionListWithTheKindsDefaults() throws Exception {
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"slug":"alerts-api","name":"Urgent Action","kind":"ACTION","fromAddress":"Alerts@Example.ORG"}
					"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/lists/alerts-api"))
			.andExpect(jsonPath("$.slug").value("alerts-api"))
			.andExpect(jsonPath("$.kind").value("ACTION"))
			.andExpect(jsonPath("$.subscriptionPolicy").value("CONFIRM"))
			.andExpect(jsonPath("$.postingPolicy").value("MODERATED"))
			.andExpect(jsonPath("$.fromAddress").value("Alerts@example.org"));
		mvc.perform(get("/api/lists/alerts-api").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Urgent Action"));
	}

	@Test
	void staffMayReadButNotCreateChangeOrDeleteLists() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(get("/api/lists").with(httpBasic(STAFF, STAFF_PASSWORD))).andExpect(status().isOk());
		mvc.perform(post("/api/lists").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"staff-made\",\"name\":\"x\",\"kind\":\"ACTION\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		// changing a list's settings is for its OWNERs (the STAFF account owns the tests' lists): a SENDER may not
		String sender = accountWithRole(list, "SENDER");
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(sender, ROLE_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"changed\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/lists").with(httpBasic(sender, ROLE_PASSWORD)))
			.andExpect(jsonPath("$[*].slug").value(org.hamcrest.Matchers.contains(list.slug())));
		mvc.perform(delete("/api/lists/" + list.slug()).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(listService.get(list.slug()).name()).isEqualTo(list.name());
		assertThat(listService.find("staff-made")).isEmpty();
	}

	@Test
	void badInputIs400NamingTheFieldAndWritesNothing() throws Exception {
		long before = listRows();
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"Has Spaces\",\"name\":\"x\",\"kind\":\"ACTION\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("slug"));
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"ok-slug\",\"name\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("kind"));
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"ok-slug\",\"name\":\"x\",\"kind\":\"ACTION\",\"postingPolicy\":\"ANYONE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("postingPolicy"))
			.andExpect(jsonPath("$.detail").value("The postingPolicy must be one of ANNOUNCE, MEMBERS, OPEN, MODERATED"));
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		assertThat(listRows()).isEqualTo(before);
	}

	@Test
	void unknownListIs404AndDuplicateSlugIs409() throws Exception {
		mvc.perform(get("/api/lists/no-such-list").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No list with the slug 'no-such-list'"));
		MailingList list = newList("ACTION");
		long before = listRows();
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"" + list.slug() + "\",\"name\":\"again\",\"kind\":\"ACTION\"}"))
			.andExpect(status().isConflict());
		assertThat(listRows()).isEqualTo(before);
	}

	@Test
	void patchChangesOnlyTheGivenFields() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"footer\":\"Sent by the Peace Network\",\"postingPolicy\":\"MEMBERS\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.footer").value("Sent by the Peace Network"))
			.andExpect(jsonPath("$.postingPolicy").value("MEMBERS"))
			.andExpect(jsonPath("$.name").value(list.name()))
			.andExpect(jsonPath("$.kind").value("INFORMATIONAL"));
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"replyTo\":\"nope\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("replyTo"));
		assertThat(listService.get(list.slug()).replyTo()).isEmpty();
	}

	@Test
	void deleteHidesTheListAndFreesItsSlugButKeepsItsRow() throws Exception {
		MailingList list = newList("ACTION");
		mvc.perform(delete("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNotFound());
		assertThat(listService.findById(list.id())).isPresent();
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"" + list.slug() + "\",\"name\":\"Reborn\",\"kind\":\"ACTION\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void aListsLanguageIsSetOnCreateChangedByPatchAndAnUnknownTagRefusedNamingTheField() throws Exception {
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"noticias\",\"name\":\"Noticias\",\"kind\":\"INFORMATIONAL\",\"language\":\"es\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.language").value("es"));
		mvc.perform(patch("/api/lists/noticias").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"en\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("en"));
		mvc.perform(patch("/api/lists/noticias").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"xx\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("language"))
			.andExpect(jsonPath("$.detail").value("The language xx is not offered here; the languages are en, es."));
		assertThat(listService.get("noticias").language()).isEqualTo("en");
	}

	@Test
	void problemDetailsFollowTheRequestsLanguageAndKeepTodaysEnglishByDefault() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.header("Accept-Language", "es")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"xx\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("El idioma xx no se ofrece aquí; los idiomas son en, es."));
		// the lists' own errors are in the bundles too, quotes and all
		mvc.perform(get("/api/lists/no-such-list").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "es"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No hay ninguna lista con el nombre corto 'no-such-list'"));
		mvc.perform(post("/api/lists").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "es")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"x-request\",\"name\":\"X\",\"kind\":\"ACTION\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(
					"El nombre corto no puede terminar en '-request': así se llama una de las direcciones propias de la lista"));
	}

}
