package org.listserv.posting;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MailTemplates;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.Outbox;
import org.listserv.subscriptions.Member;
import org.listserv.subscriptions.MemberService;
import org.listserv.subscriptions.MembershipStatus;
import org.listserv.subscriptions.SubscriptionsProperties;
import org.listserv.web.RateLimits;
import org.listserv.web.SignedTokens;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' way into a members-only archive (members have no password): a member asks on the archive page, gets
 * a link by mail, and the link leaves a cookie for that list's archive that holds while they are an ACTIVE
 * member (it is checked at each request) and for at most {@link #VALIDITY}. The answer to the request is the
 * same whether or not the address is a member, and mails are limited per address.
 */
@Service
class ArchiveAccess {

	static final String PURPOSE = "archive";

	static final Duration VALIDITY = Duration.ofDays(30);

	/** The cookie, one per list: its path is the list's archive. */
	static final String COOKIE = "archive_access";

	private final MemberService members;

	private final SignedTokens tokens;

	private final Outbox outbox;

	private final MailTemplates templates;

	private final MailProperties mail;

	private final WebProperties web;

	private final RateLimits limits;

	private final SubscriptionsProperties subscriptions;

	private final org.listserv.subscriptions.MemberLanguages memberLanguages;

	ArchiveAccess(MemberService members, SignedTokens tokens, Outbox outbox, MailTemplates templates, MailProperties mail,
			WebProperties web, RateLimits limits, SubscriptionsProperties subscriptions,
			org.listserv.subscriptions.MemberLanguages memberLanguages) {
		this.memberLanguages = memberLanguages;
		this.members = members;
		this.tokens = tokens;
		this.outbox = outbox;
		this.templates = templates;
		this.mail = mail;
		this.web = web;
		this.limits = limits;
		this.subscriptions = subscriptions;
	}

	/** Mails the link if the address is an ACTIVE member (and has not had too many notices); silent otherwise. */
	@Transactional
	void sendLink(MailingList list, String email) {
		EmailAddress address;
		try {
			address = EmailAddress.parse(email);
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			return;
		}
		Optional<Member> member = active(list, address.value());
		if (member.isEmpty() || !limits.tryAcquire("notices:" + address.value(), subscriptions.noticesPerAddressPerHour(),
				Duration.ofHours(1))) {
			return;
		}
		Map<String, Object> model = new HashMap<>();
		model.put("list", Map.of("name", list.name(), "slug", list.slug()));
		model.put("subscriber", Map.of("email", address.value(), "name", member.get().name()));
		model.put("archive_url", web.base() + "/archive/" + list.slug() + "/access/"
				+ tokens.sign(PURPOSE, VALIDITY, list.id(), member.get().subscriberId()));
		model.put("expiry_days", VALIDITY.toDays());
		MailTemplates.Rendered r = templates.render("archive-link", memberLanguages.of(address.value(), list), model);
		outbox.enqueue(new OutboundMessage("archive-link", EmailAddress.parse(list.slug() + "-owner@" + mail.domain()),
				list.name(), address, null, r.subject(), r.text(), r.html(), Map.of("Auto-Submitted", "auto-generated")));
	}

	/** Whether {@code token} (from the link or the cookie) lets its holder read this list's archive now. */
	boolean admits(MailingList list, String token) {
		if (token == null || token.isBlank() || token.length() > 512) {
			return false;
		}
		Optional<long[]> ids = tokens.verify(token, PURPOSE);
		if (ids.isEmpty() || ids.get().length != 2 || ids.get()[0] != list.id()) {
			return false;
		}
		try {
			return active(list, members.emailOf(ids.get()[1])).isPresent();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private Optional<Member> active(MailingList list, String email) {
		try {
			Member m = members.get(list.slug(), email);
			return m.status() == MembershipStatus.ACTIVE ? Optional.of(m) : Optional.empty();
		}
		catch (org.listserv.shared.NotFoundException ex) {
			return Optional.empty();
		}
	}

}
