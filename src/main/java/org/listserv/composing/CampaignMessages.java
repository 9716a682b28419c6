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

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	private final Layouts layouts;

	private final SampleLinks samples;

	private final MailProperties mail;

	private final WebProperties web;

	CampaignMessages(Layouts layouts, SampleLinks samples, MailProperties mail, WebProperties web) {
		this.layouts = layouts;
		this.samples = samples;
		this.mail = mail;
		this.web = web;
	}

	/** @throws TemplateSyntaxException if the body or the layout does not compile */
	CompiledCampaign compile(MailingList list, String subject, String preheader, String body, CampaignFormat format,
			String layout, OffsetDateTime scheduledAt, OffsetDateTime expiresAt, long campaignId) {
		String layoutSource = layouts.source(layout)
			.orElseThrow(() -> new InvalidInputException("layout", "There is no layout '" + layout + "'"));
		Map<String, Object> base = new HashMap<>();
		base.put("list", Map.of("name", list.name(), "footer", list.footer() == null ? "" : list.footer(),
				"greeting_fallback", list.greetingFallback() == null ? "" : list.greetingFallback()));
		base.put("campaign", Map.of("subject", subject, "preheader", preheader));
		base.put("preheader", preheader);
		base.put("web_version_url", webVersionUrl(list.slug(), campaignId));
		base.put("date", DATE.format(scheduledAt != null ? scheduledAt : OffsetDateTime.now(ZoneOffset.UTC)));
		if (expiresAt != null) {
			base.put("deadline", DEADLINE.format(expiresAt.withOffsetSameInstant(ZoneOffset.UTC)));
		}
		Element action = Jsoup.parseBodyFragment(BodyHtml.toHtml(body, format)).selectFirst("a[href^=http]");
		if (action != null && !action.attr("href").contains("{{")) {
			base.put("action", Map.of("url", action.attr("href"), "label",
					action.text().isBlank() ? "Take action" : action.text()));
		}
		return CompiledCampaign.compile(body, format, layoutSource, base);
	}

	CompiledCampaign compile(Campaign c, MailingList list) {
		return compile(list, c.subject(), c.preheader(), c.body(), c.format(), c.layout(), c.scheduledAt(),
				c.expiresAt(), c.id());
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
