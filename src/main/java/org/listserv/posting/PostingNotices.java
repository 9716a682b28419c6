package org.listserv.posting;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.listserv.accounts.AccountService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.ListAddress;
import org.listserv.mail.ListHeaders;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MailTemplates;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.Outbox;
import org.listserv.mail.PersonalTokens;
import org.listserv.shared.Languages;
import org.listserv.shared.Texts;
import org.listserv.subscriptions.MemberLanguages;
import org.listserv.web.AccountLanguages;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * The notices of moderation, through the outbox in the caller's transaction: {@code post-held} to every
 * moderator (enabled ADMIN and STAFF accounts) with the reply address {@code {slug}-confirm+{token}@},
 * {@code post-rejected} and {@code post-expired} to the author. The author's notices are in their language
 * (MemberLanguages: their own, else the list's); a moderator's in the language their account chose, else the
 * list's.
 */
@Component
class PostingNotices {

	private final Outbox outbox;

	private final MailTemplates templates;

	private final AccountService accounts;

	private final MailProperties mail;

	private final WebProperties web;

	private final PostingProperties properties;

	private final MemberLanguages memberLanguages;

	private final AccountLanguages accountLanguages;

	private final Languages languages;

	private final Texts texts;

	private final HoldReasons holdReasons;

	private final org.listserv.accounts.ListAccess access;

	PostingNotices(Outbox outbox, MailTemplates templates, AccountService accounts, MailProperties mail,
			WebProperties web, PostingProperties properties, MemberLanguages memberLanguages,
			AccountLanguages accountLanguages, Languages languages, Texts texts, HoldReasons holdReasons,
			org.listserv.accounts.ListAccess access) {
		this.access = access;
		this.holdReasons = holdReasons;
		this.memberLanguages = memberLanguages;
		this.accountLanguages = accountLanguages;
		this.languages = languages;
		this.texts = texts;
		this.outbox = outbox;
		this.templates = templates;
		this.accounts = accounts;
		this.mail = mail;
		this.web = web;
		this.properties = properties;
	}

	void held(MailingList list, Post post, String token) {
		String confirm = address(new ListAddress(list.slug(), ListAddress.Role.CONFIRM, token));
		for (String moderator : access.moderatorsOf(list.id())) {
			Locale language = accountLanguages.account(moderator).flatMap(languages::find)
				.orElseGet(() -> languages.of(list.language()));
			Map<String, Object> model = model(list, post, language);
			model.put("confirm_address", confirm);
			model.put("moderation_url", web.base() + "/admin/lists/" + list.slug() + "/moderation");
			send("post-held", language, list, EmailAddress.parse(moderator), model, EmailAddress.parse(confirm));
		}
		// the author learns that the post waits, once (a post is held once), unless it came from a machine or
		// from a non-member, where spam is held: telling a forged From would be backscatter
		boolean automated = holdReasons.rule(post).filter("automated"::equals).isPresent();
		if (!automated && !holdReasons.heldAsNonMember(post)) {
			toAuthor("post-waiting", list, post, model(list, post, memberLanguages.of(post.sender(), list)));
		}
	}

	void rejected(MailingList list, Post post, String reason) {
		Locale language = memberLanguages.of(post.sender(), list);
		Map<String, Object> model = model(list, post, language);
		model.put("reason", reason == null || reason.isBlank() ? texts.get(language, "posting.notice.no-reason") : reason);
		toAuthor("post-rejected", list, post, model);
	}

	void expired(MailingList list, Post post) {
		toAuthor("post-expired", list, post, model(list, post, memberLanguages.of(post.sender(), list)));
	}

	private void toAuthor(String template, MailingList list, Post post, Map<String, Object> model) {
		if (EmailAddress.isValid(post.sender())) {
			send(template, memberLanguages.of(post.sender(), list), list, EmailAddress.parse(post.sender()), model, null);
		}
	}

	private Map<String, Object> model(MailingList list, Post post, Locale language) {
		Map<String, Object> model = new HashMap<>();
		model.put("list", Map.of("name", list.name(), "slug", list.slug()));
		model.put("list_address", list.slug() + "@" + mail.domain());
		String text = PersonalTokens.redact(post.bodyText());
		model.put("post", Map.of("sender", post.sender(), "subject", post.subject(), "reason",
				holdReasons.of(post, language), "excerpt",
				text.length() > 1000 ? text.substring(0, 1000) + " [...]" : text));
		model.put("expiry_days", properties.holdExpiry().toDays());
		return model;
	}

	private void send(String template, Locale language, MailingList list, EmailAddress to, Map<String, Object> model,
			EmailAddress replyTo) {
		MailTemplates.Rendered r = templates.render(template, language, model);
		Map<String, String> headers = ListHeaders.of(list.name(), list.slug(), mail.domain());
		headers.put("Auto-Submitted", "auto-generated");
		EmailAddress from = EmailAddress.parse(address(new ListAddress(list.slug(), ListAddress.Role.OWNER, null)));
		outbox.enqueue(new OutboundMessage(template, from, list.name(), to, replyTo, r.subject(), r.text(), r.html(),
				headers));
	}

	private String address(ListAddress a) {
		return a.localPart() + "@" + mail.domain();
	}

}
