package org.listserv.composing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.listserv.lists.ListKind;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.ListHeaders;
import org.listserv.mail.MailProperties;
import org.listserv.mail.OutboundMessage;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;
import org.listserv.subscriptions.Member;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * Turns a campaign into messages: compiles it once (layout, body, the values shared by every recipient)
 * and makes the {@link OutboundMessage} for one recipient, with the list headers and the recipient's links.
 * It mints no member's link: recipients made here carry {@link SampleLinks}; only {@link CampaignMail}
 * (the real send) makes recipients with their own.
 */
@Component
class CampaignMessages {

	/** The layouts' fixed words, {@code {{t.NAME}}} in a layout: key {@code composing.layout.NAME}. */
	static final java.util.List<String> LAYOUT_WORDS = java.util.List.of("view_in_browser", "unsubscribe",
			"preferences", "action_alert", "act_by");

	private final Layouts layouts;

	private final SampleLinks samples;

	private final MailProperties mail;

	private final WebProperties web;

	private final org.listserv.shared.Texts texts;

	private final org.listserv.shared.Languages languages;

	private final org.springframework.beans.factory.ObjectProvider<org.listserv.web.TimeZones> zones;

	CampaignMessages(Layouts layouts, SampleLinks samples, MailProperties mail, WebProperties web,
			org.listserv.shared.Texts texts, org.listserv.shared.Languages languages,
			org.springframework.beans.factory.ObjectProvider<org.listserv.web.TimeZones> zones) {
		this.texts = texts;
		this.languages = languages;
		this.zones = zones;
		this.layouts = layouts;
		this.samples = samples;
		this.mail = mail;
		this.web = web;
	}

	/** @throws TemplateSyntaxException if the body or the layout does not compile */
	CompiledCampaign compile(MailingList list, String subject, String preheader, String body, CampaignFormat format,
			String layout, OffsetDateTime scheduledAt, OffsetDateTime expiresAt, long campaignId) {
		return compile(list, subject, preheader, body, format, layout, scheduledAt, expiresAt, campaignId,
				languages.of(list.language()));
	}

	/**
	 * The same in a language: the layout's fixed words ({@code {{t.*}}}, {@code {{lang}}}) and the dates
	 * (written in the organisation's time zone) in that language.
	 */
	CompiledCampaign compile(MailingList list, String subject, String preheader, String body, CampaignFormat format,
			String layout, OffsetDateTime scheduledAt, OffsetDateTime expiresAt, long campaignId, Locale language) {
		String layoutSource = layouts.source(layout)
			.orElseThrow(() -> new InvalidInputException("layout", new Text("composing.error.no-layout", layout)));
		Map<String, Object> base = new HashMap<>();
		base.put("list", Map.of("name", list.name(), "footer", list.footer() == null ? "" : list.footer(),
				"greeting_fallback", greetingFallback(list, language)));
		base.put("campaign", Map.of("subject", subject, "preheader", preheader));
		base.put("preheader", preheader);
		base.put("web_version_url", webVersionUrl(list.slug(), campaignId));
		java.time.ZoneId zone = zone();
		DateTimeFormatter date = texts.dateFormat(language, "format.date-long");
		base.put("date", date.format((scheduledAt != null ? scheduledAt : OffsetDateTime.now(ZoneOffset.UTC))
			.atZoneSameInstant(zone)));
		if (expiresAt != null) {
			java.time.ZonedDateTime at = expiresAt.atZoneSameInstant(zone);
			base.put("deadline", texts.get(language, "composing.layout.deadline", date.format(at),
					DateTimeFormatter.ofPattern("HH:mm", language).format(at),
					zone.getDisplayName(java.time.format.TextStyle.SHORT, language)));
		}
		Map<String, Object> words = new HashMap<>();
		for (String w : LAYOUT_WORDS) {
			words.put(w, texts.get(language, "composing.layout." + w));
		}
		words.put("joined", texts.get(language, "composing.layout.joined", list.name()));
		words.put("no_address", texts.get(language, "composing.layout.no_address"));
		base.put("t", words);
		base.put("lang", language.toLanguageTag());
		Element action = Jsoup.parseBodyFragment(BodyHtml.toHtml(body, format)).selectFirst("a[href^=http]");
		if (action != null && !action.attr("href").contains("{{")) {
			base.put("action", Map.of("url", action.attr("href"), "label",
					action.text().isBlank() ? texts.get(language, "composing.layout.take_action") : action.text()));
		}
		return CompiledCampaign.compile(body, format, layoutSource, base);
	}

	/**
	 * What {@code {{subscriber.name}}} shows for a member without a name, in {@code language}: the word the
	 * list chose (its settings), in the list's own language; else, and while the list keeps the default
	 * ({@value CompiledCampaign#DEFAULT_GREETING_FALLBACK}), {@code composing.greeting.fallback} of the language
	 * (see docs/languages.md for the Spanish word).
	 */
	String greetingFallback(MailingList list, Locale language) {
		String own = list.greetingFallback();
		boolean chosen = own != null && !own.isBlank() && !own.strip().equals(CompiledCampaign.DEFAULT_GREETING_FALLBACK);
		return chosen && languages.of(list.language()).equals(language) ? own
				: texts.get(language, "composing.greeting.fallback");
	}

	CompiledCampaign compile(Campaign c, MailingList list) {
		return compile(c, list, languages.of(list.language()));
	}

	/** The campaign (one of its versions applied) compiled with the layout's words in {@code language}. */
	CompiledCampaign compile(Campaign c, MailingList list, Locale language) {
		return compile(list, c.subject(), c.preheader(), c.body(), c.format(), c.layout(), c.scheduledAt(),
				c.expiresAt(), c.id(), language);
	}

	private java.time.ZoneId zone() {
		org.listserv.web.TimeZones z = zones.getIfAvailable();
		return z == null ? ZoneOffset.UTC : z.organisation();
	}

	String webVersionUrl(String slug, long campaignId) {
		return web.base() + "/archive/" + slug + "/" + campaignId;
	}

	/** A member as a preview or test shows them: their name and attributes, with sample links. */
	Recipient lookingLike(MailingList list, Member member) {
		return new Recipient(member.subscriberId(), member.email(), member.name(), member.attributes(),
				samples.of(list, member.subscriberId()));
	}

	/** Someone who is not a member (a test address, the web version): sample values and sample links. */
	Recipient sample(MailingList list, String email, String name) {
		return new Recipient(0, email, name, Map.of(), samples.of(list, 0));
	}

	String defaultLayout(MailingList list) {
		return list.kind() == ListKind.ACTION ? "action-alert" : "newsletter";
	}

	String defaultFromAddress(MailingList list) {
		return list.fromAddress() == null || list.fromAddress().isBlank() ? list.slug() + "@" + mail.domain()
				: list.fromAddress();
	}

	OutboundMessage message(Campaign c, MailingList list, CompiledCampaign compiled, Recipient r, String kind) {
		return message(c, list, mail.domain(), compiled, r, kind);
	}

	/** One recipient's message: rendered parts, list headers, the campaign's sender. */
	static OutboundMessage message(Campaign c, MailingList list, String domain, CompiledCampaign compiled,
			Recipient r, String kind) {
		CompiledCampaign.Rendered rendered = compiled.render(r);
		Map<String, String> headers = ListHeaders.forMember(list.name(), list.slug(), domain,
				r.links().unsubscribeUrl());
		headers.put("Precedence", "bulk");
		if (c.priority() != null && c.priority() != CampaignPriority.NORMAL) {
			headers.put("Importance", "high");
		}
		EmailAddress replyTo = list.replyTo() == null || list.replyTo().isBlank() ? null
				: EmailAddress.parse(list.replyTo());
		return new OutboundMessage(kind, EmailAddress.parse(c.fromAddress()), senderName(c, list), EmailAddress.parse(r.email()),
				replyTo, c.subject(), rendered.text(), rendered.html(), headers);
	}

	/**
	 * The name beside the sender's address: the campaign's, else the list's sender name, else the list's name;
	 * never a bare address, which readers take for spam or a stranger.
	 */
	static String senderName(Campaign c, MailingList list) {
		if (c.fromName() != null && !c.fromName().isBlank()) {
			return c.fromName();
		}
		if (list.fromName() != null && !list.fromName().isBlank()) {
			return list.fromName();
		}
		return list.name();
	}

}
