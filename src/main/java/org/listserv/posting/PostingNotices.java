package org.listserv.posting;

import java.util.HashMap;
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
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * The notices of moderation, through the outbox in the caller's transaction: {@code post-held} to every
 * moderator (enabled ADMIN and STAFF accounts) with the reply address {@code {slug}-confirm+{token}@},
 * {@code post-rejected} and {@code post-expired} to the author.
 */
@Component
class PostingNotices {

	private final Outbox outbox;

	private final MailTemplates templates;

	private final AccountService accounts;

	private final MailProperties mail;

	private final WebProperties web;

	private final PostingProperties properties;

	PostingNotices(Outbox outbox, MailTemplates templates, AccountService accounts, MailProperties mail,
			WebProperties web, PostingProperties properties) {
		this.outbox = outbox;
		this.templates = templates;
		this.accounts = accounts;
		this.mail = mail;
		this.web = web;
		this.properties = properties;
	}

	void held(MailingList list, Post post, String token) {
		Map<String, Object> model = model(list, post);
		String confirm = address(new ListAddress(list.slug(), ListAddress.Role.CONFIRM, token));
		model.put("confirm_address", confirm);
		model.put("moderation_url", web.base() + "/admin/lists/" + list.slug() + "/moderation");
		for (String moderator : accounts.moderatorEmails()) {
			send("post-held", list, EmailAddress.parse(moderator), model, EmailAddress.parse(confirm));
		}
	}

	void rejected(MailingList list, Post post, String reason) {
		Map<String, Object> model = model(list, post);
		model.put("reason", reason == null || reason.isBlank() ? "(no reason given)" : reason);
		toAuthor("post-rejected", list, post, model);
	}

	void expired(MailingList list, Post post) {
		toAuthor("post-expired", list, post, model(list, post));
	}

	private void toAuthor(String template, MailingList list, Post post, Map<String, Object> model) {
		if (EmailAddress.isValid(post.sender())) {
			send(template, list, EmailAddress.parse(post.sender()), model, null);
		}
	}

	private Map<String, Object> model(MailingList list, Post post) {
		Map<String, Object> model = new HashMap<>();
		model.put("list", Map.of("name", list.name(), "slug", list.slug()));
		model.put("list_address", list.slug() + "@" + mail.domain());
		String text = PersonalTokens.redact(post.bodyText());
		model.put("post", Map.of("sender", post.sender(), "subject", post.subject(), "reason",
				post.holdReason() == null ? "" : post.holdReason(), "excerpt",
				text.length() > 1000 ? text.substring(0, 1000) + " [...]" : text));
		model.put("expiry_days", properties.holdExpiry().toDays());
		return model;
	}

	private void send(String template, MailingList list, EmailAddress to, Map<String, Object> model,
			EmailAddress replyTo) {
		MailTemplates.Rendered r = templates.render(template, model);
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
