package org.listserv.composing;

import java.util.HashMap;
import java.util.Map;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MimeMessages;
import org.listserv.mail.ListHeaders;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.PostMessage;
import org.listserv.subscriptions.SubscriptionLinks;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * Campaign mail for the send job: {@link #prepare} compiles a campaign once, and the result writes each
 * recipient's personalised message straight to bytes, with the list headers ({@code List-Id},
 * {@code List-Unsubscribe}, {@code List-Unsubscribe-Post}, {@code List-Archive}, {@code Precedence},
 * {@code Feedback-ID}). This is the one place that gives a campaign message its member's own signed links
 * (unsubscribe, preferences): only the send job uses it, never a preview, a test or the web version.
 */
@Component
public class CampaignMail {

	private final ListService lists;

	private final CampaignMessages messages;

	private final SubscriptionLinks links;

	private final SignedLinks signed;

	private final MailProperties mail;

	private final WebProperties web;

	private final Campaigns campaigns;

	private final org.springframework.beans.factory.ObjectProvider<StoredMessages> stored;

	CampaignMail(ListService lists, CampaignMessages messages, SubscriptionLinks links, MailProperties mail,
			WebProperties web, Campaigns campaigns,
			org.springframework.beans.factory.ObjectProvider<StoredMessages> stored) {
		this.campaigns = campaigns;
		this.stored = stored;
		this.lists = lists;
		this.messages = messages;
		this.links = links;
		this.signed = new SignedLinks(links);
		this.mail = mail;
		this.web = web;
	}

	/**
	 * The member's own signed links: the only {@link MemberLinks} that names someone, private to the real send.
	 * Previews, test sends and the web version ({@link CampaignPreviews}) never reach it.
	 */
	private static final class SignedLinks implements MemberLinks {

		private final SubscriptionLinks links;

		SignedLinks(SubscriptionLinks links) {
			this.links = links;
		}

		@Override
		public Links of(MailingList list, long subscriberId) {
			return new Links(links.unsubscribeUrl(subscriberId, list.id()), links.preferencesUrl(subscriberId));
		}

	}

	/** @throws TemplateSyntaxException if the campaign no longer compiles */
	public Prepared prepare(Campaign campaign) {
		MailingList list = lists.get(campaign.list());
		if (campaigns.source(campaign.id()) != CampaignSource.CAMPAIGN) {
			return prepareStored(campaign, list);
		}
		Prepared prepared = new Prepared(campaign, list, messages.compile(campaign, list), null);
		for (CampaignVersion v : campaigns.versions(campaign.id())) {
			Campaign version = v.applyTo(campaign);
			prepared.versions.put(v.language(), new Version(version,
					messages.compile(version, list, java.util.Locale.forLanguageTag(v.language()))));
		}
		return prepared;
	}

	/** One other-language version, compiled once for the whole send. */
	private record Version(Campaign campaign, CompiledCampaign compiled) {
	}

	/** A post or digest: the message was written and stored when it was accepted; only headers are added. */
	private Prepared prepareStored(Campaign campaign, MailingList list) {
		StoredMessages source = stored.getIfAvailable();
		byte[] message = source == null ? null : source.message(campaign.id()).orElse(null);
		if (message == null) {
			throw new IllegalStateException("No stored message for campaign " + campaign.id());
		}
		return new Prepared(campaign, list, null, message);
	}

	/** A campaign compiled once; {@link #write} is safe to call from several threads. */
	public final class Prepared {

		private final Campaign campaign;

		private final MailingList list;

		private final CompiledCampaign compiled;

		private final Map<String, String> extraHeaders;

		private final byte[] stored;

		private final Map<String, Version> versions = new HashMap<>();

		Prepared(Campaign campaign, MailingList list, CompiledCampaign compiled, byte[] stored) {
			this.stored = stored;
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

		/** One member's message as bytes (CRLF line ends), with a new Message-ID, in the default version. */
		public byte[] write(long subscriberId, String email, String name, Map<String, Object> attributes) {
			return write(subscriberId, email, name, attributes, null);
		}

		/**
		 * The same in the version of {@code language} (as the deliveries ledger names it); null, or a language
		 * the campaign has no version in, is the default version.
		 */
		public byte[] write(long subscriberId, String email, String name, Map<String, Object> attributes,
				String language) {
			if (stored != null) {
				return PostMessage.withHeaders(stored, ListHeaders.unsubscribeHeaders(list.slug(), mail.domain(),
						links.unsubscribeUrl(subscriberId, list.id())));
			}
			Recipient r = new Recipient(subscriberId, email, name, attributes, signed.of(list, subscriberId));
			Version v = language == null ? null : versions.get(language);
			OutboundMessage m = CampaignMessages.message(v == null ? campaign : v.campaign(), list, mail.domain(),
					v == null ? compiled : v.compiled(), r, "campaign");
			Map<String, String> headers = new HashMap<>(m.headers());
			headers.putAll(extraHeaders);
			return MimeMessages.write(new OutboundMessage(m.kind(), m.from(), m.fromName(), m.to(), m.replyTo(),
					m.subject(), m.text(), m.html(), headers), mail.domain());
		}

	}

}
