package org.listserv.composing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.listserv.accounts.AccountService;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.Outbox;
import org.listserv.mail.OutboxEntry;
import org.listserv.shared.InvalidInputException;
import org.listserv.subscriptions.Member;
import org.listserv.subscriptions.MemberService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looking at a campaign before it goes out: the checklist, the message as one member (or a sample
 * subscriber) gets it, a test send through the outbox, and the web version without personal data. None of
 * them carries a member's own links: every message made here has {@link SampleLinks}, inert pages that say
 * what the real link does ({@link CampaignMessages} has no other), so nothing staff see acts for a member.
 * A test's subject starts with {@value #TEST_PREFIX}.
 */
@Service
class CampaignPreviews {

	static final int MAX_TEST_ADDRESSES = 10;

	static final String TEST_PREFIX = "[TEST] ";

	/** Whom a test send was made for and where it went: the outbox ids, in the order of the addresses. */
	record TestSend(String renderedAs, List<String> to, List<Long> outboxIds) {
	}

	/** The message as one recipient gets it, and the checklist. */
	record Preview(String subject, String html, String text, Checklist checklist) {
	}

	private final CampaignMessages messages;

	private final ListService lists;

	private final MemberService members;

	private final Outbox outbox;

	private final AccountService accounts;

	CampaignPreviews(CampaignMessages messages, ListService lists, MemberService members, Outbox outbox,
			AccountService accounts) {
		this.accounts = accounts;
		this.messages = messages;
		this.lists = lists;
		this.members = members;
		this.outbox = outbox;
	}

	/** Refuses a campaign that does not compile, or a scheduled one whose checklist has errors. */
	void validate(Campaign c, MailingList list) {
		CompiledCampaign compiled = messages.compile(c, list);
		if (c.status() == CampaignStatus.SCHEDULED) {
			Checklist checklist = checklist(c, list, compiled);
			if (!checklist.ready()) {
				throw new ChecklistFailedException(checklist);
			}
		}
	}

	Checklist checklist(Campaign c) {
		MailingList list = list(c);
		return checklist(c, list, messages.compile(c, list));
	}

	private Checklist checklist(Campaign c, MailingList list, CompiledCampaign compiled) {
		String sample = compiled.render(messages.sample(list, "sample@example.org", "Sample Subscriber")).html();
		long active = members.page(list.slug(), "ACTIVE", null, 0, 1).totalElements();
		return ChecklistRules.check(c.subject(), c.fromAddress(), compiled, sample, active);
	}

	/** As the member with this address gets it, or as a sample subscriber when {@code email} is blank. */
	Preview preview(Campaign c, String email) {
		MailingList list = list(c);
		CompiledCampaign compiled = messages.compile(c, list);
		Recipient r = email == null || email.isBlank()
				? withSampleAttributes(messages.sample(list, "sample@example.org", "Sample Subscriber"), compiled)
				: messages.lookingLike(list, members.get(list.slug(), email));
		CompiledCampaign.Rendered rendered = compiled.render(r);
		return new Preview(c.subject(), rendered.html(), rendered.text(), checklist(c, list, compiled));
	}

	/**
	 * The page at {@code /archive/{slug}/{id}}: no name (the list's greeting fallback), no address, no personal
	 * links, and each attribute the message uses in neutral words ({@code {{subscriber.attributes.city}}}
	 * reads "your city"): a reader never sees an empty merge field.
	 */
	String webVersion(Campaign c) {
		MailingList list = list(c);
		CompiledCampaign compiled = messages.compile(c, list);
		return compiled.render(withSampleAttributes(messages.sample(list, "", ""), compiled)).html();
	}

	private static final String ATTRIBUTES = "subscriber.attributes.";

	/** Sample values have no attributes: each one the message uses reads "your X" instead of nothing. */
	private static Recipient withSampleAttributes(Recipient sample, CompiledCampaign compiled) {
		Map<String, Object> neutral = new HashMap<>();
		for (MergeTags.Tag t : compiled.tags()) {
			if (t.name().startsWith(ATTRIBUTES)) {
				String key = t.name().substring(ATTRIBUTES.length());
				neutral.put(key, "your " + key.replace('_', ' ').replace('-', ' '));
			}
		}
		return new Recipient(sample.subscriberId(), sample.email(), sample.name(), neutral, sample.links());
	}

	/**
	 * Sends the message to each address through the outbox, {@value #TEST_PREFIX} before the subject, rendered
	 * as one person for all of them: the member {@code as} names; else the sender's own membership of the list;
	 * else sample values (the sender's account name, "your X" for each attribute). The links are always the inert sample
	 * ones, so a test never unsubscribes the member it is rendered as.
	 * @param as a member's address, or blank
	 * @param sender the logged-in account's address
	 * @throws org.listserv.shared.NotFoundException if {@code as} is not a member of the campaign's list
	 */
	@Transactional
	TestSend testSend(Campaign c, List<String> to, String as, String sender) {
		if (to == null || to.isEmpty()) {
			throw new InvalidInputException("to", "Give at least one address");
		}
		if (to.size() > MAX_TEST_ADDRESSES) {
			throw new InvalidInputException("to", "At most " + MAX_TEST_ADDRESSES + " addresses");
		}
		List<EmailAddress> addresses = new ArrayList<>();
		for (String raw : new LinkedHashSet<>(to)) {
			try {
				addresses.add(EmailAddress.parse(raw));
			}
			catch (EmailAddress.InvalidEmailAddressException ex) {
				throw new InvalidInputException("to", "The address '" + raw + "' " + ex.getMessage());
			}
		}
		MailingList list = list(c);
		CompiledCampaign compiled = messages.compile(c, list);
		Member member = renderAs(list, as, sender);
		List<Long> ids = new ArrayList<>();
		for (EmailAddress a : addresses) {
			Recipient r = member != null ? messages.lookingLike(list, member)
					: withSampleAttributes(messages.sample(list, a.value(), accounts.nameOf(sender)), compiled);
			OutboundMessage m = messages.message(c, list, compiled, r, OutboxEntry.CAMPAIGN_TEST);
			String subject = m.subject().startsWith(TEST_PREFIX) ? m.subject() : TEST_PREFIX + m.subject();
			ids.add(outbox.enqueue(new OutboundMessage(m.kind(), m.from(), m.fromName(), a, m.replyTo(), subject,
					m.text(), m.html(), m.headers())));
		}
		return new TestSend(member != null ? member.email() : null, addresses.stream().map(EmailAddress::value).toList(),
				ids);
	}

	/** The member a test renders as, or null for sample values. */
	private Member renderAs(MailingList list, String as, String sender) {
		if (as != null && !as.isBlank()) {
			try {
				return members.get(list.slug(), as.strip());
			}
			catch (org.listserv.shared.NotFoundException ex) {
				throw new InvalidInputException("as", "'" + as.strip() + "' is not a member of " + list.name()
						+ ": leave \"Render as member\" empty for your own membership or sample values");
			}
		}
		if (sender == null || sender.isBlank()) {
			return null;
		}
		try {
			return members.get(list.slug(), sender);
		}
		catch (org.listserv.shared.NotFoundException | InvalidInputException ex) {
			return null;
		}
	}

	private MailingList list(Campaign c) {
		return lists.findById(c.listId()).orElseThrow();
	}

}
