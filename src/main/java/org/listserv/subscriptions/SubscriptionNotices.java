package org.listserv.subscriptions;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.ListAddress;
import org.listserv.mail.ListHeaders;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MailTemplates;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.Outbox;
import org.listserv.shared.Texts;
import org.listserv.web.RateLimits;
import org.listserv.web.SignedTokens;
import org.listserv.web.WebProperties;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the notices of a subscription's life to the outbox: the template's text, the links (confirm,
 * unsubscribe, preferences) and the list headers (RFC 2369 List-Id, List-Unsubscribe; RFC 8058
 * one-click; RFC 3834 Auto-Submitted). Notices come from {@code {slug}-request@}, so a reply lands in
 * the command handler. Each notice is in the reader's language ({@link MemberLanguages}) unless the caller
 * names one (the language a request or a command asked for).
 */
@Component
class SubscriptionNotices {

	static final String UNSUBSCRIBE = "U";

	static final String PREFERENCES = "P";

	private final Outbox outbox;

	private final MailTemplates templates;

	private final SignedTokens signed;

	private final MailProperties mail;

	private final WebProperties web;

	private final SubscriptionsProperties properties;

	private final RateLimits limits;

	private final MemberLanguages languages;

	private final Texts texts;

	private final SubscriptionDates dates;

	SubscriptionNotices(Outbox outbox, MailTemplates templates, SignedTokens signed, MailProperties mail,
			WebProperties web, SubscriptionsProperties properties, RateLimits limits, MemberLanguages languages,
			Texts texts, SubscriptionDates dates) {
		this.dates = dates;
		this.languages = languages;
		this.texts = texts;
		this.outbox = outbox;
		this.templates = templates;
		this.signed = signed;
		this.mail = mail;
		this.web = web;
		this.properties = properties;
		this.limits = limits;
	}

	/** Whether one more notice asked for by someone (not by an admin) may go to this address now. */
	boolean mayNotify(EmailAddress to) {
		return limits.tryAcquire("notice:" + to.value().toLowerCase(java.util.Locale.ROOT),
				properties.noticesPerAddressPerHour(), Duration.ofHours(1));
	}

	/** The consent a person gives to join {@code list}, in {@code language}: the list's own text, else ours. */
	String consentText(MailingList list, Locale language) {
		return list.consentText() == null || list.consentText().isBlank()
				? texts.get(language, "subscriptions.consent.default", list.name()) : list.consentText();
	}

	/** The language of mail to {@code to} about {@code list}: {@code asked} if not null, else theirs. */
	Locale language(MailingList list, EmailAddress to, Locale asked) {
		return asked != null ? asked : languages.of(to.value(), list);
	}

	void confirm(MailingList list, long subscriberId, EmailAddress to, String name, String token,
			TokenPurpose purpose, Locale language) {
		Map<String, Object> model = model(list, subscriberId, to, name, language);
		model.put("confirm_url", web.base() + "/confirm/" + token);
		String confirmAddress = address(new ListAddress(list.slug(), ListAddress.Role.CONFIRM, token));
		model.put("confirm_address", confirmAddress);
		model.put("expiry_days", properties.confirmExpiry().toDays());
		model.put("expires_on", dates.day(OffsetDateTime.now().plus(properties.confirmExpiry()), language));
		String template = purpose == TokenPurpose.SUBSCRIBE ? "confirm" : "confirm-leave";
		send(template, list, to, model, EmailAddress.parse(confirmAddress), false, "auto-generated", language);
	}

	/** A notice in the reader's language. */
	void send(String template, MailingList list, long subscriberId, EmailAddress to, String name, boolean member) {
		send(template, list, subscriberId, to, name, member, null);
	}

	/** A notice in {@code language} (null: the reader's). */
	void send(String template, MailingList list, long subscriberId, EmailAddress to, String name, boolean member,
			Locale language) {
		Locale l = language(list, to, language);
		send(template, list, to, model(list, subscriberId, to, name, l), null, member, "auto-generated", l);
	}

	/**
	 * The link to the preference page, in the subscriber's own language, else the language of the page
	 * they asked from.
	 */
	void preferencesLink(long subscriberId, EmailAddress to, String name) {
		Locale language = languages.own(to.value()).orElseGet(LocaleContextHolder::getLocale);
		Map<String, Object> model = new HashMap<>();
		model.put("subscriber", Map.of("email", to.value(), "name", name));
		model.put("preferences_url", preferencesUrl(subscriberId));
		model.put("expiry_days", properties.preferencesLinkExpiry().toDays());
		model.put("expires_on", dates.day(OffsetDateTime.now().plus(properties.preferencesLinkExpiry()), language));
		model.put("base_url", web.base());
		MailTemplates.Rendered r = templates.render("preferences-link", language, model);
		outbox.enqueue(new OutboundMessage("preferences-link", EmailAddress.parse("noreply@" + mail.domain()), "",
				to, null, r.subject(), r.text(), r.html(), Map.of("Auto-Submitted", "auto-generated")));
	}

	/** A reply to an email command; {@code results} are (command, result) pairs. */
	void commandReply(MailingList list, EmailAddress to, String originalSubject, List<Map<String, String>> results,
			Locale language) {
		Map<String, Object> model = model(list, 0, to, "", language);
		model.put("original_subject",
				originalSubject.isBlank() ? texts.get(language, "subscriptions.command.your-message") : originalSubject);
		model.put("results", results);
		send("command-reply", list, to, model, null, false, "auto-replied", language);
	}

	/** The help text for a list, as it stands in the help template (without its subject). */
	String help(MailingList list, EmailAddress to, Locale language) {
		return templates.render("help", language, model(list, 0, to, "", language)).text();
	}

	String unsubscribeUrl(long subscriberId, long listId) {
		return web.base() + "/unsubscribe/" + signed.sign(UNSUBSCRIBE, properties.unsubscribeLinkExpiry(),
				subscriberId, listId);
	}

	String preferencesUrl(long subscriberId) {
		return web.base() + "/preferences/" + signed.sign(PREFERENCES, properties.preferencesLinkExpiry(),
				subscriberId);
	}

	private Map<String, Object> model(MailingList list, long subscriberId, EmailAddress to, String name,
			Locale language) {
		Map<String, Object> model = new HashMap<>();
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("name", list.name());
		l.put("slug", list.slug());
		l.put("description", list.description());
		l.put("address", list.slug() + "@" + mail.domain());
		model.put("list", l);
		model.put("subscriber", Map.of("email", to.value(), "name", name == null ? "" : name));
		model.put("consent_text", consentText(list, language));
		model.put("base_url", web.base());
		model.put("subscribe_url", web.base() + "/subscribe/" + list.slug());
		model.put("request_address", address(new ListAddress(list.slug(), ListAddress.Role.REQUEST, null)));
		model.put("subscribe_address", address(new ListAddress(list.slug(), ListAddress.Role.SUBSCRIBE, null)));
		model.put("unsubscribe_address", address(new ListAddress(list.slug(), ListAddress.Role.UNSUBSCRIBE, null)));
		if (subscriberId > 0) {
			model.put("unsubscribe_url", unsubscribeUrl(subscriberId, list.id()));
			model.put("preferences_url", preferencesUrl(subscriberId));
		}
		return model;
	}

	private void send(String template, MailingList list, EmailAddress to, Map<String, Object> model,
			EmailAddress replyTo, boolean member, String autoSubmitted, Locale language) {
		MailTemplates.Rendered r = templates.render(template, language, model);
		Map<String, String> headers = member && model.containsKey("unsubscribe_url")
				? ListHeaders.forMember(list.name(), list.slug(), mail.domain(), (String) model.get("unsubscribe_url"))
				: ListHeaders.of(list.name(), list.slug(), mail.domain());
		headers.put("Auto-Submitted", autoSubmitted);
		EmailAddress from = EmailAddress.parse(address(new ListAddress(list.slug(), ListAddress.Role.REQUEST, null)));
		outbox.enqueue(new OutboundMessage(template, from, list.name(), to, replyTo, r.subject(), r.text(), r.html(),
				headers));
	}

	private String address(ListAddress a) {
		return a.localPart() + "@" + mail.domain();
	}

}
