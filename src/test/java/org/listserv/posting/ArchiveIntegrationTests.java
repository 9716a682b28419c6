package org.listserv.posting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ArchiveIntegrationTests extends PostingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PostingSettings settings;

	private MailingList archivedList(String... subjectsAndBodies) throws Exception {
		MailingList list = list("MEMBERS");
		settings.save(list.id(), new PostSettings(null, "SENDER", 524_288, 10, false, "PUBLIC", "DAILY"));
		members(list, "rosa", "sam");
		String rosa = "rosa@" + domain(list);
		for (int i = 0; i < subjectsAndBodies.length; i += 2) {
			send(list, rosa, postText("Rosa <" + rosa + ">", subjectsAndBodies[i], subjectsAndBodies[i + 1]));
			assertThat(awaitPost(list, subjectsAndBodies[i])).isEqualTo("DISTRIBUTED");
		}
		return list;
	}

	@Test
	void searchFindsAPostByAWordInItsBodyAndHidesAddressesFromThePublic() throws Exception {
		MailingList list = archivedList("Weekend plans", "We are marching for the climate; write to rosa.k@example.net.",
				"Other news", "Nothing to see.");
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "march"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Weekend plans")))
			.andExpect(content().string(not(containsString("Other news"))))
			.andExpect(content().string(containsString("r…@example.net")))
			.andExpect(content().string(not(containsString("rosa.k@example.net"))))
			.andExpect(content().string(not(containsString("rosa@" + domain(list)))));
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "penguins"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing found.")));
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "march").with(user(STAFF).roles("STAFF")))
			.andExpect(content().string(containsString("rosa.k@example.net")));
	}

	@Test
	void monthPageAndThreadPageGroupRepliesWithTheirPost() throws Exception {
		MailingList list = archivedList("Bus to the rally", "Who needs a seat?");
		String firstId = jdbc.sql("select message_id from posts where list_id = :l").param("l", list.id())
			.query(String.class).single();
		String rosa = "rosa@" + domain(list);
		send(list, rosa, postText(rosa, "Re: [" + list.slug() + "] Bus to the rally", "Me please.",
				"In-Reply-To: " + firstId, "References: " + firstId));
		assertThat(awaitPost(list, "Re: [" + list.slug() + "] Bus to the rally")).isEqualTo("DISTRIBUTED");
		long root = postId(list, "Bus to the rally");
		long reply = postId(list, "Re: [" + list.slug() + "] Bus to the rally");
		assertThat(jdbc.sql("select thread_root_id from posts where id = :id").param("id", reply).query(Long.class)
			.single()).isEqualTo(root);
		String month = OffsetDateTime.now(ZoneOffset.UTC).toString().substring(0, 7);
		mvc.perform(get("/archive/" + list.slug())).andExpect(status().isOk())
			.andExpect(content().string(containsString("/archive/" + list.slug() + "/months/" + month)));
		mvc.perform(get("/archive/" + list.slug() + "/months/" + month)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Who needs a seat?")))
			.andExpect(content().string(containsString("Me please.")));
		mvc.perform(get("/archive/" + list.slug() + "/threads/" + root)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Me please.")));
		mvc.perform(get("/archive/" + list.slug() + "/months/2026-13")).andExpect(status().isNotFound());
	}

	@Test
	void archivesAreMembersOnlyByDefaultAndMboxIsForAdmins() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "rosa");
		send(list, "rosa@" + domain(list), postText("rosa@" + domain(list), "Private matter", "From the board: internal."));
		assertThat(awaitPost(list, "Private matter")).isEqualTo("DISTRIBUTED");
		mvc.perform(get("/archive/" + list.slug())).andExpect(status().isOk())
			.andExpect(content().string(containsString("Only members of this list can read its archive")))
			.andExpect(content().string(not(containsString("Private matter"))));
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "internal"))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("Private matter"))))
			.andExpect(content().string(containsString("id=\"ask-access\"")));
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "internal").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Private matter")));
		mvc.perform(get("/archive/" + list.slug() + "/mbox").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isForbidden());
		String mbox = mvc.perform(get("/archive/" + list.slug() + "/mbox").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Type", containsString("application/mbox")))
			.andReturn().getResponse().getContentAsString();
		assertThat(mbox).startsWith("From rosa@" + domain(list) + " ").contains("Subject: Private matter")
			.contains("\n>From the board: internal.");
		settings.save(list.id(), new PostSettings(null, "SENDER", 524_288, 10, false, "OFF", "DAILY"));
		mvc.perform(get("/archive/" + list.slug())).andExpect(status().isNotFound());
		mvc.perform(get("/archive/no-such-list")).andExpect(status().isNotFound());
	}

	@Test
	void messagePageListsAttachments() throws Exception {
		MailingList list = list("MEMBERS");
		settings.save(list.id(), new PostSettings(null, "SENDER", 524_288, 10, false, "PUBLIC", "DAILY"));
		members(list, "tom");
		String tom = "tom@" + domain(list);
		send(list, tom, "From: " + tom + "\nTo: list\nSubject: Flyer\nMIME-Version: 1.0\n"
				+ "Content-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nSee the flyer.\n"
				+ "--x\nContent-Type: application/pdf; name=\"flyer.pdf\"\nContent-Disposition: attachment; filename=\"flyer.pdf\"\n"
				+ "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--x--\n");
		assertThat(awaitPost(list, "Flyer")).isEqualTo("DISTRIBUTED");
		mvc.perform(get("/archive/" + list.slug() + "/posts/" + postId(list, "Flyer"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("flyer.pdf")))
			.andExpect(content().string(containsString("See the flyer.")));
	}

	@Autowired
	org.listserv.subscriptions.MemberService memberService;

	@Test
	void aMemberGetsALinkByMailAndReadsTheMembersOnlyArchiveUntilTheyLeave() throws Exception {
		MailingList list = list("MEMBERS");
		members(list, "rosa", "sam");
		String rosa = "rosa@" + domain(list);
		send(list, rosa, postText(rosa, "Board minutes", "The board met on Tuesday."));
		assertThat(awaitPost(list, "Board minutes")).isEqualTo("DISTRIBUTED");
		String sam = "sam@" + domain(list);

		// anyone gets the same answer; only the member gets mail
		mvc.perform(post("/archive/" + list.slug() + "/access").param("email", "stranger@" + domain(list)).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("If that address is a member")));
		mvc.perform(post("/archive/" + list.slug() + "/access").param("email", sam))
			.andExpect(status().isForbidden());
		mvc.perform(post("/archive/" + list.slug() + "/access").param("email", sam).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("If that address is a member")));
		jakarta.mail.internet.MimeMessage mail = awaitMail(sam, 1).get(0);
		String link = find(mail, "(http://\\S+/archive/" + list.slug() + "/access/\\S+)");
		String path = link.substring(link.indexOf("/archive/"));
		assertThat(mailTo("stranger@" + domain(list))).isEmpty();

		jakarta.servlet.http.Cookie cookie = mvc.perform(get(path))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/archive/" + list.slug()))
			.andReturn().getResponse().getCookie("archive_access");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/archive/" + list.slug());
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "tuesday").cookie(cookie))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Board minutes")));

		// a forged or tampered token, or one for another list, opens nothing
		mvc.perform(get("/archive/" + list.slug() + "/access/" + "x" + path.substring(path.lastIndexOf('/') + 2)))
			.andExpect(status().isBadRequest());
		MailingList other = list("MEMBERS");
		mvc.perform(get("/archive/" + other.slug() + "/access/" + path.substring(path.lastIndexOf('/') + 1)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "tuesday")
				.cookie(new jakarta.servlet.http.Cookie("archive_access", "forged.token")))
			.andExpect(content().string(not(containsString("Board minutes"))));

		// once Sam leaves, the cookie no longer opens the archive
		memberService.remove(list.slug(), sam, org.listserv.subscriptions.Actor.staff(org.listserv.subscriptions.ConsentSource.ADMIN, STAFF, "127.0.0.1"));
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "tuesday").cookie(cookie))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("Board minutes"))));
	}

}
