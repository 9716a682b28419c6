package org.listserv.accounts;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

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

}
