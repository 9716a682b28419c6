package org.listserv.subscriptions;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UnsubscribeAndPreferencesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberService members;

	@Autowired
	SubscriptionService subscriptions;

	/** Joins by the SINGLE path and returns the welcome message. */
	private MimeMessage joined(MailingList list, String email) {
		listService.update(list.slug(), new org.listserv.lists.ListRequest(null, null, null, null, "SINGLE", null, null,
				null, null, null));
		subscriptions.requestSubscription(list.slug(), email, "Pat",
				Actor.anonymous(ConsentSource.WEB_FORM, "192.0.2.1", null));
		return awaitMail(email, 1).get(0);
	}

	@Test
	void oneClickUnsubscribesWithoutCookieOrCsrfAndAnswers200() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "oneclick@" + list.slug() + ".example.org";
		MimeMessage welcome = joined(list, email);
		String url = jakarta.mail.internet.MimeUtility.unfold(welcome.getHeader("List-Unsubscribe")[0]).replaceAll("^<([^>]+)>.*$", "$1");
		String path = url.substring(url.indexOf("/unsubscribe/"));
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("Leave this list")));
		assertThat(members.get(list.slug(), email).status()).as("a GET never unsubscribes").isEqualTo(MembershipStatus.ACTIVE);
		mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andExpect(content().string("Unsubscribed\n"));
		Member m = members.get(list.slug(), email);
		assertThat(m.status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
		assertThat(members.history(m.subscriberId()).get(0).source()).isEqualTo(ConsentSource.WEB_FORM);
		assertThat(awaitMail(email, 2).get(1).getSubject()).isEqualTo("You have left " + list.name());
		// again: still 200, nothing more happens
		mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		assertThat(members.history(m.subscriberId())).hasSize(2);
	}

	@Test
	void forgedOrTamperedUnsubscribeTokensAreRefused() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "tamper@" + list.slug() + ".example.org";
		MimeMessage welcome = joined(list, email);
		String token = find(welcome, "/unsubscribe/([A-Za-z0-9_.-]+)");
		String tampered = token.substring(0, 3) + (token.charAt(3) == 'A' ? 'B' : 'A') + token.substring(4);
		mvc.perform(post("/unsubscribe/" + tampered).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")).andExpect(status().isBadRequest());
		mvc.perform(post("/unsubscribe/not-a-token")).andExpect(status().isOk())
			.andExpect(content().string(containsString("This link is not valid")));
		String preferences = find(welcome, "/preferences/([A-Za-z0-9_.-]+)");
		mvc.perform(post("/unsubscribe/" + preferences).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")) // a preference token is no unsubscribe token
			.andExpect(status().isBadRequest());
		assertThat(members.get(list.slug(), email).status()).isEqualTo(MembershipStatus.ACTIVE);
	}

	@Test
	void leaveAllFromTheUnsubscribePage() throws Exception {
		MailingList one = newList("INFORMATIONAL");
		MailingList two = newList("ACTION");
		String email = "all@" + one.slug() + ".example.org";
		MimeMessage welcome = joined(one, email);
		members.add(two.slug(), email, "", null, Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		String path = "/unsubscribe/" + find(welcome, "/unsubscribe/([A-Za-z0-9_.-]+)");
		mvc.perform(post(path).param("all", "true")).andExpect(status().isOk())
			.andExpect(content().string(containsString("You have left all our lists")));
		assertThat(members.get(one.slug(), email).status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
		assertThat(members.get(two.slug(), email).status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
	}

	@Test
	void preferencePageJoinsLeavesRenamesAndSwitchesToDigest() throws Exception {
		MailingList mine = newList("INFORMATIONAL");
		MailingList other = newList("ACTION");
		String email = "prefs@" + mine.slug() + ".example.org";
		MimeMessage welcome = joined(mine, email);
		String path = "/preferences/" + find(welcome, "/preferences/([A-Za-z0-9_.-]+)");
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString(other.name())));
		mvc.perform(post(path + "/join").param("slug", other.slug())).andExpect(status().is3xxRedirection());
		assertThat(members.get(other.slug(), email).status()).isEqualTo(MembershipStatus.ACTIVE);
		mvc.perform(post(path + "/mode").param("slug", mine.slug()).param("mode", "DIGEST"));
		assertThat(members.get(mine.slug(), email).mode()).isEqualTo(DeliveryMode.DIGEST);
		mvc.perform(post(path + "/name").param("name", "Patricia"));
		assertThat(members.get(mine.slug(), email).name()).isEqualTo("Patricia");
		mvc.perform(post(path + "/name").param("name", "Line\nBreak"));
		assertThat(members.get(mine.slug(), email).name()).isEqualTo("Patricia");
		mvc.perform(post(path + "/leave").param("slug", mine.slug()));
		assertThat(members.get(mine.slug(), email).status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
		mvc.perform(post(path + "/leave-all")).andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(containsString("Leave all lists?")))
			.andExpect(content().string(containsString(other.name())))
			.andExpect(content().string(containsString("action=\"" + path + "/leave-all\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("aria-label=\"Main\""))));
		assertThat(members.get(other.slug(), email).status()).as("not without a yes").isEqualTo(MembershipStatus.ACTIVE);
		mvc.perform(post(path + "/leave-all").param("confirm", "yes")).andExpect(status().is3xxRedirection());
		assertThat(members.get(other.slug(), email).status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
		mvc.perform(get("/preferences/garbage.token")).andExpect(status().isOk())
			.andExpect(content().string(containsString("not valid any more")));
	}

	@Test
	void askingForThePreferenceLinkAnswersTheSameForStrangers() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "asklink@" + list.slug() + ".example.org";
		joined(list, email);
		String stranger = "nobody@" + list.slug() + ".example.org";
		String known = mvc.perform(post("/preferences").param("email", email)).andReturn().getResponse().getContentAsString();
		String unknown = mvc.perform(post("/preferences").param("email", stranger)).andReturn().getResponse()
			.getContentAsString();
		assertThat(known).isEqualTo(unknown).contains("a link to its settings is on its way");
		MimeMessage link = awaitMail(email, 2).get(1);
		assertThat(link.getSubject()).isEqualTo("Your subscription settings");
		assertThat(body(link)).contains("/preferences/");
		assertThroughout(Duration.ofMillis(300), () -> assertThat(mailTo(stranger)).isEmpty());
	}

}
