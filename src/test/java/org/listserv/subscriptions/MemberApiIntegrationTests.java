package org.listserv.subscriptions;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MemberApiIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberService members;

	@Autowired
	JdbcClient jdbc;

	private void add(MailingList list, String json, int expected) throws Exception {
		mvc.perform(post("/api/lists/" + list.slug() + "/members").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().is(expected));
	}

	@Test
	void aMembersLanguageIsSetByTheApiShownInItsJsonAndAnUnknownTagIsRefused() throws Exception {
		MailingList list = newList("ACTION");
		String email = "idioma@" + list.slug() + ".example.org";
		add(list, "{\"email\":\"" + email + "\",\"language\":\"es-MX\"}", 201);
		mvc.perform(get("/api/lists/" + list.slug() + "/members/" + email).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.language").value("es"));
		add(list, "{\"email\":\"" + email + "\",\"language\":\"xx\"}", 400);
		add(list, "{\"email\":\"" + email + "\",\"language\":\"\"}", 200);
		mvc.perform(get("/api/lists/" + list.slug() + "/members/" + email).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.language").value("es"));
	}

	@Test
	void addsAMemberOnceAndRecordsConsent() throws Exception {
		MailingList list = newList("ACTION");
		mvc.perform(post("/api/lists/" + list.slug() + "/members").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\" Kim@Example.ORG \",\"name\":\"Kim\",\"attributes\":{\"phone\":\"123\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").value("Kim@example.org"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.mode").value("REGULAR"))
			.andExpect(jsonPath("$.attributes.phone").value("123"))
			.andExpect(jsonPath("$.subscribedAt").isNotEmpty());
		add(list, "{\"email\":\"kim@example.org\"}", 200);
		Member kim = members.get(list.slug(), "KIM@example.org");
		assertThat(members.history(kim.subscriberId())).singleElement().satisfies(e -> {
			assertThat(e.source()).isEqualTo(ConsentSource.API);
			assertThat(e.actor()).isEqualTo(STAFF);
			assertThat(e.oldStatus()).isNull();
			assertThat(e.newStatus()).isEqualTo(MembershipStatus.ACTIVE);
		});
	}

	@Test
	void badAddressesAndUnknownListsAreRefused() throws Exception {
		MailingList list = newList("ACTION");
		mvc.perform(post("/api/lists/" + list.slug() + "/members").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"a@b@c\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("email"));
		add(list, "{\"email\":\"x@example.org\",\"name\":\"Line\\r\\nBreak\"}", 400);
		mvc.perform(post("/api/lists/nope/members").with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"x@example.org\"}")).andExpect(status().isNotFound());
		assertThat(members.page(list.slug(), null, null, 0, 10).totalElements()).isZero();
	}

	@Test
	void deleteSetsRemovedKeepsTheLedgerAndOnlyAdminsMayDoIt() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		add(list, "{\"email\":\"gone@example.org\"}", 201);
		String viewer = accountWithRole(list, "VIEWER");
		mvc.perform(delete("/api/lists/" + list.slug() + "/members/gone@example.org").with(httpBasic(viewer, ROLE_PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/lists/" + list.slug() + "/members/gone@example.org").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REMOVED"));
		mvc.perform(delete("/api/lists/" + list.slug() + "/members/never@example.org").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isNotFound());
		Member gone = members.get(list.slug(), "gone@example.org");
		assertThat(members.history(gone.subscriberId())).extracting(ConsentEvent::newStatus)
			.containsExactly(MembershipStatus.REMOVED, MembershipStatus.ACTIVE);
		add(list, "{\"email\":\"gone@example.org\"}", 200);
		assertThat(members.get(list.slug(), "gone@example.org").status()).isEqualTo(MembershipStatus.ACTIVE);
	}

	@Test
	void someoneWhoUnsubscribedCannotBeAddedBackByStaff() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		add(list, "{\"email\":\"left@example.org\"}", 201);
		jdbc.sql("""
				update memberships set status = 'UNSUBSCRIBED'
				where list_id = :list and subscriber_id = (select id from subscribers where lower(email) = 'left@example.org')
				""").param("list", list.id()).update();
		add(list, "{\"email\":\"left@example.org\"}", 409);
		assertThat(members.get(list.slug(), "left@example.org").status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
	}

	@Test
	void pagesFiltersByStatusAndSearchesByAddressOrName() throws Exception {
		MailingList list = newList("ACTION");
		for (int i = 0; i < 12; i++) {
			add(list, "{\"email\":\"p" + (i < 10 ? "0" : "") + i + "@example.org\",\"name\":\"Person " + i + "\"}", 201);
		}
		add(list, "{\"email\":\"searchable_1@other.example.org\",\"name\":\"Findme\"}", 201);
		mvc.perform(delete("/api/lists/" + list.slug() + "/members/p00@example.org").with(httpBasic(ADMIN, ADMIN_PASSWORD)));
		mvc.perform(get("/api/lists/" + list.slug() + "/members?size=5&page=1").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(13))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.content.length()").value(5))
			.andExpect(jsonPath("$.content[0].email").value("p05@example.org"));
		mvc.perform(get("/api/lists/" + list.slug() + "/members?status=removed").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].email").value("p00@example.org"));
		mvc.perform(get("/api/lists/" + list.slug() + "/members?q=OTHER.example").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(1));
		mvc.perform(get("/api/lists/" + list.slug() + "/members?q=findme").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.content[0].name").value("Findme"));
		// LIKE wildcards in the query are taken literally
		mvc.perform(get("/api/lists/" + list.slug() + "/members?q=%25").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(get("/api/lists/" + list.slug() + "/members?q=e_1").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(1));
		mvc.perform(get("/api/lists/" + list.slug() + "/members?status=GONE").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		mvc.perform(get("/api/lists/" + list.slug() + "/members?size=100000").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	@Test
	void theConsentLedgerRefusesUpdatesAndDeletes() throws Exception {
		MailingList list = newList("ACTION");
		add(list, "{\"email\":\"ledger@example.org\"}", 201);
		assertThatThrownBy(() -> jdbc.sql("update consent_events set source = 'ADMIN'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from consent_events").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate consent_events cascade").update())
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("select count(*) from consent_events where list_id = :l").param("l", list.id())
			.query(Long.class).single()).isEqualTo(1);
	}

}
