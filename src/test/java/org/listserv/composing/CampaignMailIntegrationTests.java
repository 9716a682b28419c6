package org.listserv.composing;

import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CampaignMailIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberService members;

	@Autowired
	JdbcClient jdbc;

	Campaign campaign(MailingList list) {
		return campaigns.create(new CampaignRequest(list.slug(), "Spring newsletter", "The short of it",
				"Dear {{subscriber.name}},\n\nRead [the report](https://example.org/report).", null, null, null, null,
				null, null, null, null), STAFF);
	}

	@Test
	void testSendArrivesAsMultipartAlternativeWithListHeadersFooterAndPersonalValues() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String member = "member@" + list.slug() + ".example.org";
		String other = "other@" + list.slug() + ".example.org";
		members.add(list.slug(), member, "<img src=x onerror=alert(1)>", Map.of(),
				Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		Campaign c = campaign(list);
		mvc.perform(post("/api/campaigns/" + c.id() + "/test").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":[\"" + member + "\",\"" + other + "\"],\"as\":\"" + member + "\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.queued").value(2));
		MimeMessage m = awaitMail(member, 1).get(0);
		assertThat(m.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) m.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
		assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
		String html = parts.getBodyPart(1).getContent().toString();
		assertThat(html).contains("&lt;img src").doesNotContain("<img src=x");
		assertThat(m.getSubject()).isEqualTo("[TEST] Spring newsletter");
		// neither the campaign nor the list names a sender: the list's name stands beside the address
		assertThat(((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo(list.name());
		assertThat(m.getHeader("List-Id")[0]).isEqualTo("\"" + list.name() + "\" <" + list.slug() + ".lists.example.org>");
		assertThat(jakarta.mail.internet.MimeUtility.unfold(m.getHeader("List-Unsubscribe")[0])).isEqualTo("<http://localhost:8080/preview-link/unsubscribe/" + list.slug() + ">, <mailto:"
				+ list.slug() + "-unsubscribe@lists.example.org>");
		assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(m.getHeader("Message-ID")[0]).endsWith("@lists.example.org>");
		String text = body(m);
		assertThat(text).contains("Dear <img src=x onerror=alert(1)>,")
			.contains("the report (https://example.org/report)")
			.contains("Unsubscribe (http://localhost:8080/preview-link/unsubscribe/" + list.slug() + ")")
			.contains("Manage your subscriptions (http://localhost:8080/preview-link/preferences/" + list.slug() + ")")
			.contains("View in your browser (http://localhost:8080/archive/" + list.slug() + "/" + c.id() + ")");
		MimeMessage second = awaitMail(other, 1).get(0);
		assertThat(second.getHeader("Message-ID")[0]).isNotEqualTo(m.getHeader("Message-ID")[0]);
	}

	@Test
	void previewShowsAMemberAndTheChecklist() throws Exception {
		MailingList list = newList("ACTION");
		String member = "ada@" + list.slug() + ".example.org";
		members.add(list.slug(), member, "Ada", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		Campaign c = campaign(list);
		mvc.perform(post("/api/campaigns/" + c.id() + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + member + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.html").value(containsString("Dear Ada,")))
			.andExpect(jsonPath("$.html").value(containsString("class=\"button\" href=\"https://example.org/report\"")))
			.andExpect(jsonPath("$.text").value(containsString("Dear Ada,")))
			.andExpect(jsonPath("$.checklist.ready").value(true))
			.andExpect(jsonPath("$.checklist.items.length()").value(8));
		mvc.perform(post("/api/campaigns/" + c.id() + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.html").value(containsString("Dear Sample Subscriber,")));
		mvc.perform(post("/api/campaigns/" + c.id() + "/preview").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"nobody@example.org\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void webVersionIsPublicOnceSentAndHasNoPersonalData() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaign(list);
		String path = "/archive/" + list.slug() + "/" + c.id();
		mvc.perform(get(path)).andExpect(status().isNotFound());
		jdbc.sql("update campaigns set status = 'SENT' where id = :id").param("id", c.id()).update();
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(content().string(containsString("Read <a href=\"https://example.org/report\">the report</a>")))
			.andExpect(content().string(not(containsString(":8080/unsubscribe/"))))
			.andExpect(content().string(not(containsString(":8080/preferences/"))))
			.andExpect(content().string(containsString("http://localhost:8080/preview-link/unsubscribe/" + list.slug())))
			.andExpect(content().string(containsString("Dear friend,")))
			.andExpect(content().string(not(containsString("Dear ,"))));
		mvc.perform(get("/archive/other-list/" + c.id())).andExpect(status().isNotFound());
	}

}
