package org.listserv.sending;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;
import org.listserv.mail.ListAddress;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveriesIntegrationTests extends SendingIntegrationTest {

	@Autowired
	SendingSteps steps;

	@Test
	void everyDeliveryGetsItsOwnRandomVerpTokenThatTheBounceAddressCarries() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "v", 50);
		long id = campaign(list);
		sending.start(id);
		steps.snapshot(id);
		List<String> tokens = jdbc.sql("select verp_token from deliveries where campaign_id = :c").param("c", id)
			.query(String.class).list();
		assertThat(tokens).hasSize(50).doesNotHaveDuplicates().allMatch(t -> t.matches("[0-9a-f]{20}"));
		assertThat(tokens).allSatisfy(t -> assertThat(ListAddress.ofRecipient(list.slug() + "-bounces+" + t
				+ "@lists.example.org")).contains(new ListAddress(list.slug(), ListAddress.Role.BOUNCES, t)));
		assertThat(jdbc.sql("""
				select column_default from information_schema.columns
				where table_name = 'deliveries' and column_name = 'verp_token'
				""").query(String.class).single()).as("a cryptographic source, not md5(random())")
			.contains("gen_random_uuid()");
	}

	@Test
	void aDeferredDeliveryDueAgainNamesItsCampaignForTheRetryRun() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "d", 3);
		long id = campaign(list);
		sending.start(id);
		steps.snapshot(id);
		assertThat(deliveries.campaignsWithDueRetries()).doesNotContain(id);
		jdbc.sql("""
				update deliveries set status = 'DEFERRED', next_attempt_at = now() - interval '1 second'
				where id = (select min(id) from deliveries where campaign_id = :c)
				""").param("c", id).update();
		assertThat(deliveries.campaignsWithDueRetries()).contains(id);
		jdbc.sql("update deliveries set next_attempt_at = now() + interval '1 hour' where campaign_id = :c")
			.param("c", id).update();
		assertThat(deliveries.campaignsWithDueRetries()).as("not due yet").doesNotContain(id);
	}

}
