package org.listserv.bounces;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.ListAddress;
import org.listserv.mail.ListHeaders;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MailTemplates;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.Outbox;
import org.listserv.shared.Texts;
import org.listserv.subscriptions.MemberLanguages;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * The notices of bounce handling, through the outbox (so in the caller's transaction): {@code bounce-disabled}
 * when a member is disabled, {@code bounce-warning} for each further warning. They come from
 * {@code {slug}-owner@}, so a reply reaches a person. Each in the member's language (MemberLanguages).
 */
@Component
class BounceNotices {

	private final Outbox outbox;

	private final MailTemplates templates;

	private final ListService lists;

	private final MailProperties mail;

	private final WebProperties web;

	private final MemberLanguages languages;

	private final Texts texts;

	BounceNotices(Outbox outbox, MailTemplates templates, ListService lists, MailProperties mail, WebProperties web,
			MemberLanguages languages, Texts texts) {
		this.languages = languages;
		this.texts = texts;
		this.outbox = outbox;
		this.templates = templates;
		this.lists = lists;
		this.mail = mail;
		this.web = web;
	}

	void disabled(long listId, String email, String name, Evidence evidence, int warningsLeft) {
		Map<String, Object> model = model(listId, email, name, warningsLeft);
		Locale language = languages.of(email, lists.findById(listId).orElseThrow());
		model.put("reason", evidence.reason() == null ? texts.get(language, "bounces.notice.delivery-failed")
				: evidence.reason());
		model.put("status", evidence.status() == null ? "" : evidence.status());
		send("bounce-disabled", listId, email, model);
	}

	void warning(long listId, String email, String name, int warningsLeft) {
		send("bounce-warning", listId, email, model(listId, email, name, warningsLeft));
	}

	private Map<String, Object> model(long listId, String email, String name, int warningsLeft) {
		MailingList list = lists.findById(listId).orElseThrow();
		Map<String, Object> model = new HashMap<>();
		model.put("list", Map.of("name", list.name(), "slug", list.slug(), "description", list.description(),
				"address", list.slug() + "@" + mail.domain()));
		model.put("subscriber", Map.of("email", email, "name", name == null ? "" : name));
		model.put("owner_address", new ListAddress(list.slug(), ListAddress.Role.OWNER, null).localPart() + "@"
				+ mail.domain());
		model.put("subscribe_url", web.base() + "/subscribe/" + list.slug());
		model.put("base_url", web.base());
		model.put("warnings_left", warningsLeft > 0 ? warningsLeft : null);
		return model;
	}

	private void send(String template, long listId, String email, Map<String, Object> model) {
		MailingList list = lists.findById(listId).orElseThrow();
		MailTemplates.Rendered r = templates.render(template, languages.of(email, list), model);
		Map<String, String> headers = ListHeaders.of(list.name(), list.slug(), mail.domain());
		headers.put("Auto-Submitted", "auto-generated");
		EmailAddress from = EmailAddress.parse(new ListAddress(list.slug(), ListAddress.Role.OWNER, null).localPart()
				+ "@" + mail.domain());
		outbox.enqueue(new OutboundMessage(template, from, list.name(), EmailAddress.parse(email), null, r.subject(),
				r.text(), r.html(), headers));
	}

}
