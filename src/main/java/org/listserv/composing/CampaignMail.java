package org.listserv.composing;

import java.util.HashMap;
import java.util.Map;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MimeMessages;
import org.listserv.mail.OutboundMessage;
import org.listserv.subscriptions.SubscriptionLinks;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * Campaign mail for the send job: {@link #prepare} compiles a campaign once, and the result writes each
 * recipient's personalised message straight to bytes, with the list headers ({@code List-Id},
 * {@code List-Unsubscribe}, {@code List-Unsubscribe-Post}, {@code List-Archive}, {@code Precedence},
 * {@code Feedback-ID}).
 */
@Component
public class CampaignMail {

	private final ListService lists;

	private final CampaignMessages messages;

	private final SubscriptionLinks links;

	private final MailProperties mail;

	private final WebProperties web;

	CampaignMail(ListService lists, CampaignMessages messages, SubscriptionLinks links, MailProperties mail,
			WebProperties web) {
		this.lists = lists;
		this.messages = messages;
		this.links = links;
		this.mail = mail;
		this.web = web;
	}

	/** @throws TemplateSyntaxException if the campaign no longer compiles */
	public Prepared prepare(Campaign campaign) {
		MailingList list = lists.get(campaign.list());
		return new Prepared(campaign, list, messages.compile(campaign, list));
	}

	/** A campaign compiled once; {@link #write} is safe to call from several threads. */
	public final class Prepared {

		private final Campaign campaign;

		private final MailingList list;

		private final CompiledCampaign compiled;

		private final Map<String, String> extraHeaders;

		Prepared(Campaign campaign, MailingList list, CompiledCampaign compiled) {
			this.campaign = campaign;
			this.list = list;
			this.compiled = compiled;
			this.extraHeaders = Map.of("List-Archive", "<" + web.base() + "/archive/" + list.slug() + ">",
					"Feedback-ID", campaign.id() + ":" + list.slug() + ":campaign:listserv");
		}

		/** The list's slug, for the VERP address. */
		public String listSlug() {
			return list.slug();
		}

		/** One member's message as bytes (CRLF line ends), with a new Message-ID. */
		public byte[] write(long subscriberId, String email, String name, Map<String, Object> attributes) {
			Recipient r = new Recipient(subscriberId, email, name, attributes,
					links.unsubscribeUrl(subscriberId, list.id()), links.preferencesUrl(subscriberId));
			OutboundMessage m = CampaignMessages.message(campaign, list, mail.domain(), compiled, r, "campaign");
			Map<String, String> headers = new HashMap<>(m.headers());
			headers.putAll(extraHeaders);
			return MimeMessages.write(new OutboundMessage(m.kind(), m.from(), m.fromName(), m.to(), m.replyTo(),
					m.subject(), m.text(), m.html(), headers), mail.domain());
		}

	}

}
