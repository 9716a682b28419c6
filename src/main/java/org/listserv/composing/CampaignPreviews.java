package org.listserv.composing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.Outbox;
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
 */
@Service
class CampaignPreviews {

	static final int MAX_TEST_ADDRESSES = 10;

	/** The message as one recipient gets it, and the checklist. */
	record Preview(String subject, String html, String text, Checklist checklist) {
	}

	private final CampaignMessages messages;

	private final ListService lists;

	private final MemberService members;

	private final Outbox outbox;

	CampaignPreviews(CampaignMessages messages, ListService lists, MemberService members, Outbox outbox) {
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
		Recipient r = email == null || email.isBlank() ? messages.sample(list, "sample@example.org", "Sample Subscriber")
				: messages.lookingLike(list, members.get(list.slug(), email));
		CompiledCampaign.Rendered rendered = compiled.render(r);
		return new Preview(c.subject(), rendered.html(), rendered.text(), checklist(c, list, compiled));
	}

	/** The page at {@code /archive/{slug}/{id}}: no name, no address, no personal links. */
	String webVersion(Campaign c) {
		MailingList list = list(c);
		return messages.compile(c, list).render(messages.sample(list, "", "")).html();
	}

	/**
	 * Sends the message to each address through the outbox: with that member's name and attributes if the
	 * address is a member of the list, else with sample values; the links are always the sample ones.
	 * @return how many were queued
	 */
	@Transactional
	int testSend(Campaign c, List<String> to) {
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
		for (EmailAddress a : addresses) {
			Recipient r = memberOrSample(list, a);
			outbox.enqueue(messages.message(c, list, compiled, r, "campaign-test"));
		}
		return addresses.size();
	}

	private Recipient memberOrSample(MailingList list, EmailAddress a) {
		try {
			Member m = members.get(list.slug(), a.value());
			return messages.lookingLike(list, m);
		}
		catch (org.listserv.shared.NotFoundException ex) {
			return messages.sample(list, a.value(), "");
		}
	}

	private MailingList list(Campaign c) {
		return lists.findById(c.listId()).orElseThrow();
	}

}
