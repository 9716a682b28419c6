package org.listserv.inbound;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.listserv.accounts.AccountService;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MailTemplates;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.Outbox;
import org.listserv.web.RateLimits;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * Who is told when a received message could not be processed (it is FAILED, and kept): the admins, by
 * {@code inbound-failed-admin} at most once an hour per receiving address, and the sender, by {@code inbound-failed} at most
 * {@value #PER_SENDER_PER_DAY} times a day, only where an answer is safe: never for bounces or replies to
 * confirmations, never to a machine (RFC 3834: automated mail, a null or system envelope sender), and
 * never to our own domain. Through the outbox, in the caller's transaction.
 */
@Component
class FailureNotices {

	static final int PER_SENDER_PER_DAY = 3;

	private final Outbox outbox;

	private final MailTemplates templates;

	private final AccountService accounts;

	private final RateLimits limits;

	private final MailProperties mail;

	private final WebProperties web;

	private final org.listserv.lists.ListService lists;

	private final org.listserv.web.AccountLanguages accountLanguages;

	private final org.listserv.shared.Languages languages;

	private final org.listserv.shared.Texts texts;

	FailureNotices(Outbox outbox, MailTemplates templates, AccountService accounts, RateLimits limits,
			MailProperties mail, WebProperties web, org.listserv.lists.ListService lists,
			org.listserv.web.AccountLanguages accountLanguages, org.listserv.shared.Languages languages,
			org.listserv.shared.Texts texts) {
		this.lists = lists;
		this.accountLanguages = accountLanguages;
		this.languages = languages;
		this.texts = texts;
		this.outbox = outbox;
		this.templates = templates;
		this.accounts = accounts;
		this.limits = limits;
		this.mail = mail;
		this.web = web;
	}

	void failed(InboundMessages.Claimed claimed, String error) {
		Optional<InboundMessage> message = parse(claimed.raw());
		String subject = message.map(InboundMessage::subject).orElse("");
		Map<String, Object> model = new HashMap<>();
		model.put("address", claimed.recipient());
		java.util.Locale listLanguage = ListAddress.ofRecipient(claimed.recipient())
			.flatMap(a -> lists.find(a.slug()))
			.map(l -> languages.of(l.language()))
			.orElseGet(languages::fallback);
		model.put("subject", subject.isEmpty() ? texts.get(listLanguage, "inbound.notice.no-subject") : subject);
		model.put("from", claimed.mailFrom() == null || claimed.mailFrom().isEmpty() ? "<>" : claimed.mailFrom());
		model.put("error", error);
		model.put("url", web.base() + "/admin/inbound/" + claimed.id());
		model.put("list_url", web.base() + "/admin/inbound?state=FAILED");
		if (limits.tryAcquire("inbound-failed-admins:" + claimed.recipient().toLowerCase(java.util.Locale.ROOT), 1,
				Duration.ofHours(1))) {
			for (String admin : accounts.adminEmails()) {
				send("inbound-failed-admin", accountLanguages.account(admin).flatMap(languages::find).orElse(listLanguage),
						claimed, EmailAddress.parse(admin), model);
			}
		}
		Optional<EmailAddress> sender = answerable(claimed, message);
		if (sender.isPresent()
				&& limits.tryAcquire("inbound-failed:" + sender.get().value(), PER_SENDER_PER_DAY, Duration.ofDays(1))) {
			send("inbound-failed", listLanguage, claimed, sender.get(), model);
		}
	}

	/** The envelope sender, when answering it is safe. */
	private Optional<EmailAddress> answerable(InboundMessages.Claimed claimed, Optional<InboundMessage> message) {
		Optional<ListAddress.Role> role = ListAddress.ofRecipient(claimed.recipient()).map(ListAddress::role);
		if (role.isEmpty() || role.get() == ListAddress.Role.BOUNCES || role.get() == ListAddress.Role.CONFIRM
				|| message.isEmpty() || message.get().isAutomated() || !EmailAddress.isValid(claimed.mailFrom())) {
			return Optional.empty();
		}
		EmailAddress sender = EmailAddress.parse(claimed.mailFrom());
		String local = sender.value().substring(0, sender.value().indexOf('@'));
		boolean ours = mail.isListDomain(sender.domain());
		boolean system = local.equalsIgnoreCase("mailer-daemon") || local.equalsIgnoreCase("postmaster");
		return ours || system ? Optional.empty() : Optional.of(sender);
	}

	private static Optional<InboundMessage> parse(byte[] raw) {
		try {
			return Optional.of(InboundMessage.parse(raw));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * In {@code language}: the sender's notice in the list's language (the sender may be no member), an
	 * admin's in their account's language, else the list's. From the owner address of the list the message
	 * was for (replies reach its people), else postmaster.
	 */
	private void send(String template, java.util.Locale language, InboundMessages.Claimed claimed, EmailAddress to,
			Map<String, Object> model) {
		MailTemplates.Rendered r = templates.render(template, language, model);
		Map<String, String> headers = new HashMap<>();
		headers.put("Auto-Submitted", "auto-replied");
		String local = ListAddress.ofRecipient(claimed.recipient())
			.map(a -> new ListAddress(a.slug(), ListAddress.Role.OWNER, null).localPart())
			.orElse("postmaster");
		EmailAddress from = EmailAddress.parse(local + "@" + mail.domain());
		outbox.enqueue(new OutboundMessage(template, from, null, to, null, r.subject(), r.text(), r.html(), headers));
	}

}
