package org.listserv.sending;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignService;
import org.listserv.composing.SendConfirmations;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
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

	private final Texts texts;

	SendNowConfirmation(CampaignService campaigns, ListService lists, DeliveryLedger ledger,
			ConfirmProperties properties, Texts texts) {
		this.campaigns = campaigns;
		this.lists = lists;
		this.ledger = ledger;
		this.properties = properties;
		this.texts = texts;
	}

	@Override
	public Confirmation sendNow(long campaignId) {
		Campaign c = campaigns.get(campaignId);
		MailingList list = lists.get(c.list());
		long n = ledger.activeMembers(list.id());
		// the count is formatted by the bundle's pattern, in the reader's language: 1,250 or 1.250
		Text people = new Text("sending.send-now.members", n);
		Confirmation confirmation = Confirmation
			.of(new Text("sending.send-now.question", c.subject(), people, list.name()),
					"/admin/campaigns/" + campaignId + "/send", "/admin/campaigns/" + campaignId)
			.detail(new Text("sending.send-now.list"), list.name())
			.detail(new Text("sending.send-now.recipients"), texts.get(new Text("sending.send-now.recipients-value", people)))
			.detail(new Text("sending.send-now.subject"), c.subject())
			.detail(new Text("sending.send-now.detail"))
			.button(new Text("sending.send-now.button"));
		if (properties.typingFor(n)) {
			confirmation.typing(list.slug(), new Text("sending.send-now.typing", properties.typedAbove(), list.slug()));
		}
		return confirmation;
	}

}
