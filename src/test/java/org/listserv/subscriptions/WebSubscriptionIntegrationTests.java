package org.listserv.subscriptions;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class WebSubscriptionIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberService members;

	@Autowired
	JdbcClient jdbc;

	private static int ip = 1;

	/** Each test posts from its own address, so the per-client rate limit of one does not hit another. */
	private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
		String address = "198.51.100." + (ip++ % 250 + 1);
		return request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	private MailingList list(String policy) {
		MailingList list = newList("INFORMATIONAL");
		return listService.update(list.slug(), new ListRequest(null, null, null, null, policy, null, null, null, null,
				null, null, "I agree to get the newsletter.", null));
	}

	private String subscribe(MailingList list, String email) throws Exception {
		return mvc.perform(from(post("/subscribe/" + list.slug())).param("email", email).param("name", "Web Person"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aWrongAddressOnTheSubscribeFormIsShownBesideTheFieldWithWhatWasTyped() throws Exception {
		MailingList list = list("CONFIRM");
		mvc.perform(from(post("/subscribe/" + list.slug())).param("email", "nobody-at-example").param("name", "Robin"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"subscribe-email-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"subscribe-email-error\"")))
			.andExpect(content().string(containsString("value=\"nobody-at-example\"")))
			.andExpect(content().string(containsString("value=\"Robin\"")));
	}

	@Test
	void doubleOptInConfirmsOnlyOnPostAndRecordsConsent() throws Exception {
		MailingList list = list("CONFIRM");
		String email = "optin@" + list.slug() + ".example.org";
		assertThat(subscribe(list, email)).contains("Check your inbox");
		assertThat(members.get(list.slug(), email).status()).isEqualTo(MembershipStatus.PENDING);

		MimeMessage confirm = awaitMail(email, 1).get(0);
		assertThat(confirm.getSubject()).isEqualTo("Please confirm: join " + list.name());
		assertThat(confirm.getFrom()[0].toString()).contains(list.slug() + "-request@lists.example.org");
		assertThat(confirm.getReplyTo()[0].toString()).startsWith(list.slug() + "-confirm+");
		assertThat(confirm.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		String token = find(confirm, "/confirm/([a-z2-7]{32})");

		mvc.perform(get("/confirm/" + token)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Yes, add me")));
		assertThat(members.get(list.slug(), email).status()).as("a GET never confirms").isEqualTo(MembershipStatus.PENDING);
		mvc.perform(from(post("/confirm/" + token))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You are on the list")));
		Member member = members.get(list.slug(), email);
		assertThat(member.status()).isEqualTo(MembershipStatus.ACTIVE);

		MimeMessage welcome = awaitMail(email, 2).get(1);
		assertThat(welcome.getSubject()).isEqualTo("Welcome to " + list.name());
		assertThat(welcome.getHeader("List-Id")[0]).contains("<" + list.slug() + ".lists.example.org>");
		assertThat(welcome.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe/").contains("mailto:" + list.slug()
				+ "-unsubscribe@lists.example.org");
		assertThat(welcome.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(body(welcome)).contains("/preferences/").contains("/unsubscribe/");

		List<ConsentEvent> history = members.history(member.subscriberId());
		assertThat(history).extracting(ConsentEvent::newStatus).containsExactly(MembershipStatus.ACTIVE,
				MembershipStatus.PENDING);
		assertThat(history).allSatisfy(e -> {
			assertThat(e.source()).isEqualTo(ConsentSource.WEB_FORM);
			assertThat(e.ip()).startsWith("198.51.100.");
			assertThat(e.consentText()).isEqualTo("I agree to get the newsletter.");
		});

		mvc.perform(from(post("/confirm/" + token)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Already done")));
	}

	@Test
	void answersTheSameWhateverTheAddressAndTellsActiveMembersByMail() throws Exception {
		MailingList list = list("CONFIRM");
		String member = "member@" + list.slug() + ".example.org";
		members.add(list.slug(), member, "", null, Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		String forMember = subscribe(list, member);
		String forStranger = subscribe(list, "stranger@" + list.slug() + ".example.org");
		assertThat(forMember).isEqualTo(forStranger);
		assertThat(awaitMail(member, 1).get(0).getSubject()).isEqualTo("You are already on " + list.name());
		assertThat(members.get(list.slug(), member).status()).isEqualTo(MembershipStatus.ACTIVE);
	}

	@Test
	void forgedExpiredAndUnknownTokensGetAClearPageAndChangeNothing() throws Exception {
		MailingList list = list("CONFIRM");
		String email = "tokens@" + list.slug() + ".example.org";
		subscribe(list, email);
		String token = find(awaitMail(email, 1).get(0), "/confirm/([a-z2-7]{32})");
		String forged = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
		mvc.perform(from(post("/confirm/" + forged))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("This link is not valid")));
		mvc.perform(get("/confirm/../../etc/passwd")).andExpect(status().is4xxClientError());
		mvc.perform(get("/confirm/" + "x".repeat(5000))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("This link is not valid")));
		jdbc.sql("update confirmation_tokens set expires_at = now() - interval '1 minute' where list_id = :l")
			.param("l", list.id()).update();
		mvc.perform(from(post("/confirm/" + token)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("This link has expired")));
		assertThat(members.get(list.slug(), email).status()).isEqualTo(MembershipStatus.PENDING);
	}

	@Test
	void singlePolicyJoinsAtOnceAndApprovePolicyWaitsForAnAdmin() throws Exception {
		MailingList single = list("SINGLE");
		String a = "single@" + single.slug() + ".example.org";
		subscribe(single, a);
		assertThat(members.get(single.slug(), a).status()).isEqualTo(MembershipStatus.ACTIVE);
		assertThat(awaitMail(a, 1).get(0).getSubject()).startsWith("Welcome to");

		MailingList approve = list("APPROVE");
		String b = "approve@" + approve.slug() + ".example.org";
		String c = "reject@" + approve.slug() + ".example.org";
		subscribe(approve, b);
		subscribe(approve, c);
		assertThat(members.get(approve.slug(), b).awaiting()).as("the address is confirmed first")
			.isEqualTo(PendingReason.CONFIRMATION);
		for (String who : new String[] { b, c }) {
			mvc.perform(from(post("/confirm/" + find(awaitMail(who, 1).get(0), "/confirm/([a-z2-7]{32})"))))
				.andExpect(status().isOk());
			assertThat(members.get(approve.slug(), who).awaiting()).isEqualTo(PendingReason.APPROVAL);
			assertThat(members.get(approve.slug(), who).status()).isEqualTo(MembershipStatus.PENDING);
			assertThat(awaitMail(who, 2).get(1).getSubject()).contains("waiting for approval");
		}
		mvc.perform(post("/admin/lists/" + approve.slug() + "/approvals")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(ADMIN).roles("ADMIN"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("email", b).param("approve", "true")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/lists/" + approve.slug() + "/approvals")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(ADMIN).roles("ADMIN"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("email", c).param("approve", "false")).andExpect(status().is3xxRedirection());
		assertThat(members.get(approve.slug(), b).status()).isEqualTo(MembershipStatus.ACTIVE);
		assertThat(members.get(approve.slug(), c).status()).isEqualTo(MembershipStatus.REMOVED);
		assertThat(awaitMail(b, 3).get(2).getSubject()).startsWith("Welcome to");
		assertThat(awaitMail(c, 3).get(2).getSubject()).startsWith("Your request to join");
	}

	@Test
	void honeypotAndInjectionAttemptsChangeNothing() throws Exception {
		MailingList list = list("CONFIRM");
		String bot = "bot@" + list.slug() + ".example.org";
		mvc.perform(from(post("/subscribe/" + list.slug())).param("email", bot).param("website", "http://spam.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Check your inbox")));
		mvc.perform(from(post("/subscribe/" + list.slug())).param("email", "x@example.org\r\nBcc: all@example.org"))
			.andExpect(status().isBadRequest());
		mvc.perform(from(post("/subscribe/" + list.slug())).param("email", "ok@" + list.slug() + ".example.org")
			.param("name", "Evil\r\nBcc: all@example.org")).andExpect(status().isBadRequest());
		assertThat(members.page(list.slug(), null, null, 0, 10).totalElements()).isZero();
		assertThat(mailTo(bot)).isEmpty();
	}

	@Test
	void limitsHowOftenOneClientMayPost() throws Exception {
		MailingList list = list("CONFIRM");
		int refused = 0;
		for (int i = 0; i < 12; i++) {
			int code = mvc.perform(post("/subscribe/" + list.slug()).with(r -> {
				r.setRemoteAddr("203.0.113.9");
				return r;
			}).param("email", "flood" + i + "@" + list.slug() + ".example.org")).andReturn().getResponse().getStatus();
			refused += code == 429 ? 1 : 0;
		}
		assertThat(refused).isEqualTo(2);
	}

	@Test
	void unknownAndPrivateListsAre404() throws Exception {
		mvc.perform(get("/subscribe/no-such-list")).andExpect(status().isNotFound());
		MailingList hidden = newList("ACTION");
		listService.update(hidden.slug(), new ListRequest(null, null, null, null, null, null, null, null, null, null,
				false, null, null));
		mvc.perform(get("/subscribe/" + hidden.slug())).andExpect(status().isNotFound());
		mvc.perform(get("/lists")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(hidden.name()))));
	}

}
