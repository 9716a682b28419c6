package org.listserv.sending;

import java.text.NumberFormat;
import java.util.Locale;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignService;
import org.listserv.composing.SendConfirmations;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.web.ConfirmProperties;
import org.listserv.web.Confirmation;

import org.springframework.stereotype.Component;

/**
 * The question before a send: "Send “subject” to N members of List now?", counted as the send job would count
 * them ({@link DeliveryLedger#activeMembers}); above {@code listserv.web.confirm.typed-above} recipients the
 * list's slug must be typed too.
 */
@Component
class SendNowConfirmation implements SendConfirmations {

	private final CampaignService campaigns;

	private final ListService lists;

	private final DeliveryLedger ledger;

	private final ConfirmProperties properties;

	SendNowConfirmation(CampaignService campaigns, ListService lists, DeliveryLedger ledger,
			ConfirmProperties properties) {
		this.campaigns = campaigns;
		this.lists = lists;
		this.ledger = ledger;
		this.properties = properties;
	}

	@Override
	public Confirmation sendNow(long campaignId) {
		Campaign c = campaigns.get(campaignId);
		MailingList list = lists.get(c.list());
		long n = ledger.activeMembers(list.id());
		String count = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
		String people = count + (n == 1 ? " member" : " members");
		Confirmation confirmation = Confirmation
			.of("Send “" + c.subject() + "” to " + people + " of " + list.name() + " now?",
					"/admin/campaigns/" + campaignId + "/send", "/admin/campaigns/" + campaignId)
			.detail("List", list.name())
			.detail("Recipients", people + " (everyone active on the list now)")
			.detail("Subject", c.subject())
			.detail("Once sent, mail cannot be called back. You can pause or cancel what has not gone out yet.")
			.button("Send now");
		if (properties.typingFor(n)) {
			confirmation.typing(list.slug(),
					"This goes to more than " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(properties.typedAbove())
							+ " people: type the list's short name, " + list.slug() + ", to confirm");
		}
		return confirmation;
	}

}
