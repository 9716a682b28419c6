package org.listserv.subscriptions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PendingConfirmationsIntegrationTests extends IntegrationTest {

	static final Actor IMPORT = Actor.staff(ConsentSource.IMPORT, ADMIN, null);

	@Autowired
	MemberImporter importer;

	@Autowired
	MemberService members;

	@Autowired
	PendingConfirmations confirmations;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	SubscriptionsProperties properties;

	ImportResult importPending(MailingList list, String... locals) {
		StringBuilder csv = new StringBuilder("email,name\n");
		for (String l : locals) {
			csv.append(address(list, l)).append(",\n");
		}
		return importer.importCsv(list.slug(), new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
				ImportMode.PENDING, IMPORT);
	}

	static String address(MailingList list, String local) {
		return local + "@" + list.slug() + ".example.org";
	}

	long confirmsQueuedTo(String to) {
		return jdbc.sql("select count(*) from outbox where kind = 'confirm' and to_address = :to").param("to", to)
			.query(Long.class).single();
	}

	@Test
	void anImportInPendingModeMailsEachNewPendingMemberOneConfirmationRequest() {
		MailingList list = newList("INFORMATIONAL");
		members.add(list.slug(), address(list, "already"), "", Map.of(), IMPORT);
		ImportResult result = importPending(list, "p1", "p2", "p3", "already");
		assertThat(result.imported()).isEqualTo(3);
		for (String l : new String[] { "p1", "p2", "p3" }) {
			assertThat(body(awaitMail(address(list, l), 1).get(0))).contains("/confirm/");
		}
		assertThroughout(Duration.ofMillis(300), () -> {
			for (String l : new String[] { "p1", "p2", "p3" }) {
				assertThat(confirmsQueuedTo(address(list, l))).isEqualTo(1);
			}
			assertThat(confirmsQueuedTo(address(list, "already"))).isZero();
		});
		assertThat(confirmations.waiting(list.slug())).isEqualTo(new ConfirmationRequests.Waiting(3, 0));
	}

	@Test
	void aRoundMailsNoMoreThanItsShareAndSkipsWhoWasRemovedBeforeTheirTurn() {
		MailingList list = newList("INFORMATIONAL");
		// import and rounds in one transaction: the background round cannot see these members
		tx.executeWithoutResult(s -> {
			importPending(list, "r1", "r2", "r3", "r4", "r5");
			members.remove(list.slug(), address(list, "r1"), IMPORT);
			assertThat(confirmations.round(2)).isLessThanOrEqualTo(2);
			for (int i = 0; i < 20 && confirmations.waiting(list.slug()).due() > 0; i++) {
				confirmations.round(10);
			}
			assertThat(confirmations.waiting(list.slug()).due()).isZero();
			assertThat(confirmsQueuedTo(address(list, "r1"))).isZero();
			for (String l : new String[] { "r2", "r3", "r4", "r5" }) {
				assertThat(confirmsQueuedTo(address(list, l))).isEqualTo(1);
			}
			assertThat(jdbc.sql("select confirmation_due_at is null from memberships m join subscribers s on s.id = m.subscriber_id where s.email = :e")
				.param("e", address(list, "r1")).query(Boolean.class).single()).isTrue();
		});
		assertThat(confirmations.perRound()).isEqualTo(
				Math.max(1, properties.importConfirmationsPerMinute() * (int) properties.confirmationRound().toSeconds() / 60));
	}

	@Test
	void anAdminSendsTheConfirmationAgainToOnePendingMemberButNeverToOneWhoLeft() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		importPending(list, "again", "left");
		awaitMail(address(list, "again"), 1);
		awaitMail(address(list, "left"), 1);
		members.remove(list.slug(), address(list, "left"), IMPORT);
		mvc.perform(post("/admin/lists/" + list.slug() + "/members/resend-confirmation").with(user(ADMIN).roles("ADMIN"))
			.with(csrf()).param("email", address(list, "again")))
			.andExpect(flash().attribute("notice", containsString("queued again for " + address(list, "again"))));
		assertThat(awaitMail(address(list, "again"), 2)).hasSize(2);
		mvc.perform(post("/admin/lists/" + list.slug() + "/members/resend-confirmation").with(user(ADMIN).roles("ADMIN"))
			.with(csrf()).param("email", address(list, "left")))
			.andExpect(flash().attribute("error", containsString("not waiting to confirm")));
		mvc.perform(post("/admin/lists/" + list.slug() + "/members/resend-confirmation").with(user(accountWithRole(list, "SENDER")).roles("STAFF"))
			.with(csrf()).param("email", address(list, "again")))
			.andExpect(status().isForbidden());
		assertThroughout(Duration.ofMillis(300), () -> {
			assertThat(confirmsQueuedTo(address(list, "left"))).isEqualTo(1);
			assertThat(confirmsQueuedTo(address(list, "again"))).isEqualTo(2);
		});
	}

	@Test
	void resendingToAllNeedsTheConfirmationShowsTheCountAndSkipsWhoLeft() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		importPending(list, "a1", "a2", "gone");
		for (String l : new String[] { "a1", "a2", "gone" }) {
			awaitMail(address(list, l), 1);
		}
		members.remove(list.slug(), address(list, "gone"), IMPORT);
		String path = "/admin/lists/" + list.slug() + "/pending/resend";
		mvc.perform(post(path).with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"confirm-form\"")));
		assertThat(confirmations.waiting(list.slug()).due()).isZero();
		mvc.perform(get(path).with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("2 pending members")));
		mvc.perform(post(path).with(user(ADMIN).roles("ADMIN")).with(csrf()).param("confirmed", "yes"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"confirm-form\"")));
		assertThat(confirmations.waiting(list.slug()).due()).as("only confirm=yes confirms").isZero();
		mvc.perform(post(path).with(user(accountWithRole(list, "SENDER")).roles("STAFF")).with(csrf()).param("confirm", "yes"))
			.andExpect(status().isForbidden());
		mvc.perform(post(path).with(user(ADMIN).roles("ADMIN")).with(csrf()).param("confirm", "yes"))
			.andExpect(flash().attribute("notice", containsString("2 confirmation requests queued")));
		assertThat(awaitMail(address(list, "a1"), 2)).hasSize(2);
		assertThat(awaitMail(address(list, "a2"), 2)).hasSize(2);
		assertThroughout(Duration.ofMillis(300), () -> assertThat(confirmsQueuedTo(address(list, "gone"))).isEqualTo(1));
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(ADMIN).roles("ADMIN")))
			.andExpect(content().string(containsString("2 members wait to confirm")));
	}

}
