package org.listserv.sending;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.composing.CampaignStatus;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The real send greets a member without a name as the preview, the test and the web version do. */
class PersonalisedSendIntegrationTests extends SendingIntegrationTest {

	@Autowired
	MemberService members;

	@Test
	void theRealSendGreetsAMemberWithoutANameWithTheListsFallbackAndANamedOneByName() throws Exception {
		MailingList made = newList("INFORMATIONAL");
		MailingList list = listService.update(made.slug(), new ListRequest(null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, "comrade"));
		String nameless = "nameless@" + list.slug() + ".example.org";
		String named = "named@" + list.slug() + ".example.org";
		members.add(list.slug(), nameless, "", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		members.add(list.slug(), named, "Rosa Parks", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		long id = campaign(list, "Hello members", "Dear {{subscriber.name}}, hello {{subscriber.first_name}}.");
		mvc.perform(post("/api/campaigns/" + id + "/send").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isAccepted());
		awaitStatus(id, CampaignStatus.SENT);
		MimeMessage toNameless = awaitMail(nameless, 1).get(0);
		assertThat(toNameless.getSubject()).isEqualTo("Hello members");
		assertThat(body(toNameless)).contains("Dear comrade, hello comrade.").doesNotContain("Dear ,");
		assertThat(body(awaitMail(named, 1).get(0))).contains("Dear Rosa Parks, hello Rosa.");
	}

}
