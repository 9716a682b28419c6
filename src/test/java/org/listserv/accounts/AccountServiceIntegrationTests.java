package org.listserv.accounts;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountServiceIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theFirstAdminComesFromTheEnvironmentWithAHashedPassword() {
		var admin = accountService.loadUserByUsername("ADMIN@example.org");
		assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
		String hash = jdbc.sql("select password_hash from users where email = :e").param("e", ADMIN)
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
	}

	@Test
	void adminsAddStaffWithAStrongEnoughPasswordAndAUniqueAddress() {
		accountService.create("new.staff@example.org", "New", "long-enough-pw", Role.STAFF);
		assertThat(accountService.loadUserByUsername("new.staff@example.org").getAuthorities())
			.extracting(Object::toString).containsExactly("ROLE_STAFF");
		assertThatThrownBy(() -> accountService.create("New.Staff@example.org", "", "long-enough-pw", Role.STAFF))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> accountService.create("short@example.org", "", "short", Role.STAFF))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
		assertThatThrownBy(() -> accountService.create("not an address", "", "long-enough-pw", Role.STAFF))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
	}

	@Test
	void theUsersPageOffersNoDisableForYourOwnAccountButForOthers() throws Exception {
		accountService.create("other.staff@example.org", "Other", "long-enough-pw", Role.STAFF);
		String html = mvc.perform(get("/admin/users").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		// the row whose first cell is exactly the address (other tests add accounts such as second-admin@...)
		var mine = page.select("#users tbody tr").stream()
			.filter(tr -> tr.child(0).text().equals(ADMIN))
			.collect(java.util.stream.Collectors.toCollection(org.jsoup.select.Elements::new));
		assertThat(mine).hasSize(1);
		assertThat(mine.select("form button")).as("no Disable on your own row").isEmpty();
		assertThat(mine.text()).contains("you");
		var theirs = page.select("#users tbody tr").stream()
			.filter(tr -> tr.child(0).text().equals("other.staff@example.org"))
			.collect(java.util.stream.Collectors.toCollection(org.jsoup.select.Elements::new));
		assertThat(theirs).hasSize(1);
		assertThat(theirs.select("form button").text()).isEqualTo("Disable");
	}

}
