package org.listserv.subscriptions;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MemberPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberService members;

	@Test
	void removingAMemberWithoutConfirmationKeepsThemActiveAndAsksFirst() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "keep@" + list.slug() + ".example.org";
		members.add(list.slug(), email, "Kim", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, "192.0.2.1"));
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("data-confirm=\"Remove " + email + " from " + list.name())));

		mvc.perform(post("/admin/lists/" + list.slug() + "/members/remove").param("email", email)
			.with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Remove " + email + " from " + list.name() + "?"),
					containsString("name=\"email\" value=\"" + email + "\""),
					containsString("name=\"confirm\" value=\"yes\""))));
		assertThat(members.get(list.slug(), email).status()).isEqualTo(MembershipStatus.ACTIVE);

		mvc.perform(post("/admin/lists/" + list.slug() + "/members/remove").param("email", email)
			.param("confirm", "yes").with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/lists/" + list.slug()));
		assertThat(members.get(list.slug(), email).status()).isEqualTo(MembershipStatus.REMOVED);
	}


	@Test
	void aWrongAddressWhenAddingAMemberIsShownBesideTheFieldWithWhatWasTyped() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		var flash = mvc.perform(post("/admin/lists/" + list.slug() + "/members").param("email", "no-at-sign")
			.param("name", "Typed Name").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/lists/" + list.slug() + "#members-h"))
			.andReturn().getFlashMap();
		mvc.perform(get("/admin/lists/" + list.slug()).flashAttrs(flash).with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(allOf(containsString("id=\"add-member-email-error\""),
					containsString("Please correct Email below"), containsString("value=\"no-at-sign\""),
					containsString("value=\"Typed Name\""))));
	}

	@Test
	void theImportSummaryShowsAtTheTopOfTheListPage() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		var file = new org.springframework.mock.web.MockMultipartFile("file", "people.csv", "text/csv",
				"email,name\nann@example.org,Ann\nbroken,Bob\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var flash = mvc.perform(multipart("/admin/lists/" + list.slug() + "/import").file(file)
			.with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/lists/" + list.slug()))
			.andReturn().getFlashMap();
		String page = mvc.perform(get("/admin/lists/" + list.slug()).flashAttrs(flash).with(user(ADMIN).roles("ADMIN")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"import-result\"").contains("people.csv");
		assertThat(page.indexOf("id=\"import-result\"")).as("the summary is at the top, above the members")
			.isPositive().isLessThan(page.indexOf("id=\"members-h\""));
		assertThat(page.indexOf("id=\"import-result\"")).isGreaterThan(page.indexOf("</h1>"));
	}

}
