package org.listserv.subscriptions;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every row of the consent ledger names who really acted: the member by their own link, an account, a job. */
class ConsentActorIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberService members;

	@Autowired
	SubscriptionLinks links;

	@Test
	void aMembersOwnUnsubscribeAndPreferenceLinksRecordThatSubscriberAsTheActor() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		MailingList other = newList("INFORMATIONAL");
		String email = "own@" + list.slug() + ".example.org";
		long id = members.add(list.slug(), email, "Own", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, "192.0.2.9"))
			.member().subscriberId();
		String unsubscribe = links.unsubscribeUrl(id, list.id()).replace("http://localhost:8080", "");
		String preferences = links.preferencesUrl(id).replace("http://localhost:8080", "");

		mvc.perform(post(unsubscribe).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
		mvc.perform(post(preferences + "/join").param("slug", other.slug())).andExpect(status().is3xxRedirection());

		assertThat(rows(id)).containsExactly(tuple(list.id(), "ACTIVE", "ADMIN", ADMIN),
				tuple(list.id(), "UNSUBSCRIBED", "WEB_FORM", "subscriber:" + id),
				tuple(other.id(), "ACTIVE", "WEB_FORM", "subscriber:" + id));
	}

	@Test
	void aConfirmationLinkRecordsTheSubscriberAndTheFormThatAskedRecordsAnAnonymousVisitor() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "confirms@" + list.slug() + ".example.org";
		mvc.perform(post("/subscribe/" + list.slug()).param("email", email)).andExpect(status().isOk());
		String token = find(awaitMail(email, 1).get(0), "/confirm/([a-z2-7]{32})");
		mvc.perform(post("/confirm/" + token)).andExpect(status().isOk());

		long id = members.get(list.slug(), email).subscriberId();
		assertThat(rows(id)).containsExactly(tuple(list.id(), "PENDING", "WEB_FORM", "anonymous"),
				tuple(list.id(), "ACTIVE", "WEB_FORM", "subscriber:" + id));
	}

	@Test
	void aStaffOrAdminActionRecordsTheAccount() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "added@" + list.slug() + ".example.org";
		mvc.perform(post("/api/lists/" + list.slug() + "/members").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + email + "\"}"))
			.andExpect(status().isCreated());
		mvc.perform(delete("/api/lists/" + list.slug() + "/members/" + email).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().is2xxSuccessful());

		long id = members.get(list.slug(), email).subscriberId();
		assertThat(rows(id)).containsExactly(tuple(list.id(), "ACTIVE", "API", STAFF),
				tuple(list.id(), "REMOVED", "API", ADMIN));
	}

	@Test
	void theLedgerRefusesAChangeThatNamesNobody() {
		assertThatThrownBy(() -> new Actor(ConsentSource.WEB_FORM, null, "192.0.2.1", null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Actor(ConsentSource.EMAIL_COMMAND, " ", null, "<m@example.org>", null))
			.isInstanceOf(IllegalArgumentException.class);
		MailingList list = newList("INFORMATIONAL");
		long id = members.add(list.slug(), "db@" + list.slug() + ".example.org", "", Map.of(),
				Actor.staff(ConsentSource.ADMIN, ADMIN, null)).member().subscriberId();
		assertThatThrownBy(() -> jdbc.sql("""
				insert into consent_events (subscriber_id, list_id, new_status, source) values (:s, :l, 'ACTIVE', 'ADMIN')
				""").param("s", id).param("l", list.id()).update())
			.hasMessageContaining("consent_events_actor_named");
	}

	private java.util.List<org.assertj.core.groups.Tuple> rows(long subscriberId) {
		return jdbc.sql("""
				select list_id, new_status, source, actor from consent_events where subscriber_id = :s order by id
				""").param("s", subscriberId)
			.query((rs, i) -> tuple(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

}
