package org.listserv.sending;

import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The campaign page and {@code GET /api/campaigns/{id}} while mail is still unsent but nothing went out in the
 * last minute: a valid state (paused, waiting for a retry round, the first seconds of a send), shown as such.
 */
class SendProgressIntegrationTests extends SendingIntegrationTest {

	@Test
	void theFirstSecondsOfASendShowNothingSentYetWithPauseAndCancel() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "f", 3);
		long id = queuedCampaign(list);

		mvc.perform(get("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SENDING"))
			.andExpect(jsonPath("$.progress.queued").value(3))
			.andExpect(jsonPath("$.progress.sentLastMinute").value(0))
			.andExpect(jsonPath("$.progress.ratePerSecond").value(0.0))
			.andExpect(jsonPath("$.progress.etaSeconds").value(nullValue()));
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 of 3 sent")))
			.andExpect(content().string(containsString("Nothing sent in the last minute")))
			.andExpect(content().string(containsString("id=\"pause\"")))
			.andExpect(content().string(containsString("id=\"cancel-send\"")))
			.andExpect(content().string(not(containsString("id=\"resume\""))));
	}

	@Test
	void aPausedCampaignShowsItsProgressWithResumeAndCancel() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "p", 4);
		long id = queuedCampaign(list);
		jdbc.sql("""
				update deliveries set status = 'SENT', sent_at = now() - interval '10 minutes'
				where id in (select id from deliveries where campaign_id = :c order by id limit 1)
				""").param("c", id).update();
		sending.pause(id);

		mvc.perform(get("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAUSED"))
			.andExpect(jsonPath("$.progress.sent").value(1))
			.andExpect(jsonPath("$.progress.queued").value(3))
			.andExpect(jsonPath("$.progress.percent").value(25))
			.andExpect(jsonPath("$.progress.etaSeconds").value(nullValue()));
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 of 4 sent")))
			.andExpect(content().string(containsString("Paused: 3 not sent yet")))
			.andExpect(content().string(containsString("id=\"resume\"")))
			.andExpect(content().string(containsString("id=\"cancel-send\"")))
			.andExpect(content().string(not(containsString("id=\"pause\""))));
	}

	@Test
	void aCampaignWaitingForItsRetryRoundShowsWhenTheRoundIsDue() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "r", 3);
		long id = queuedCampaign(list);
		jdbc.sql("""
				update deliveries set status = case when id = (select min(id) from deliveries where campaign_id = :c)
				                                    then 'SENT' else 'DEFERRED' end,
				       sent_at = case when id = (select min(id) from deliveries where campaign_id = :c)
				                      then now() - interval '5 minutes' end,
				       next_attempt_at = case when id = (select min(id) from deliveries where campaign_id = :c)
				                              then null else timestamptz '2099-01-01 12:30:00+00' end,
				       smtp_reply = '451 4.7.1 try again later'
				where campaign_id = :c
				""").param("c", id).update();

		mvc.perform(get("/api/campaigns/" + id).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SENDING"))
			.andExpect(jsonPath("$.progress.deferred").value(2))
			.andExpect(jsonPath("$.progress.sentLastMinute").value(0))
			.andExpect(jsonPath("$.progress.etaSeconds").value(nullValue()))
			.andExpect(jsonPath("$.progress.nextRetryAt").value(containsString("2099-01-01T12:30")));
		mvc.perform(get("/admin/campaigns/" + id).with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 of 3 sent, 2 deferred")))
			.andExpect(content().string(containsString("next retry round at 2099-01-01 12:30 UTC")))
			.andExpect(content().string(containsString("id=\"pause\"")))
			.andExpect(content().string(containsString("id=\"cancel-send\"")));
	}

}
