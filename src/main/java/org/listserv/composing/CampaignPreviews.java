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
import org.listserv.shared.Text;
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

	private final Campaigns campaigns;

	private final org.listserv.subscriptions.MemberLanguageCounts languageCounts;

	private final org.listserv.shared.Languages languages;

	private final org.listserv.shared.Texts texts;

	CampaignPreviews(CampaignMessages messages, ListService lists, MemberService members, Outbox outbox,
			AccountService accounts, Campaigns campaigns, org.listserv.subscriptions.MemberLanguageCounts languageCounts,
			org.listserv.shared.Languages languages, org.listserv.shared.Texts texts) {
		this.campaigns = campaigns;
		this.languageCounts = languageCounts;
		this.languages = languages;
		this.texts = texts;
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

	/**
	 * The checklist of a stored campaign and of each of its versions (their items' {@code rule} is
	 * {@code LANG:rule}, their messages start with the language's name), with a warning for each language
	 * that active members read and that has no version: they get the default one.
	 */
	Checklist checklist(Campaign c) {
		MailingList list = list(c);
		Checklist own = checklist(c, list, messages.compile(c, list));
		List<CampaignVersion> versions = campaigns.versions(c.id());
		List<Checklist.Item> items = new ArrayList<>(own.items());
		for (CampaignVersion v : versions) {
			java.util.Locale language = languages.of(v.language());
			Campaign version = v.applyTo(c);
			String name = org.listserv.shared.Languages.nameOf(language);
			for (Checklist.Item i : checklist(version, list, messages.compile(version, list, language)).items()) {
				if (!i.rule().equals("active-members") && !i.rule().equals("from-domain")) {
					items.add(new Checklist.Item(v.language() + ":" + i.rule(), i.severity(), i.passed(),
							new Text("composing.checklist.version-item", name, i.message())));
				}
			}
		}
		String own_ = languages.of(list.language()).toLanguageTag();
		java.util.Set<String> covered = new java.util.HashSet<>();
		covered.add(own_);
		versions.forEach(v -> covered.add(v.language()));
		Map<String, Long> missing = new java.util.TreeMap<>();
		languageCounts.activeByLanguage(list.id()).forEach((tag, n) -> {
			if (tag != null) {
				String primary = tag.indexOf('-') < 0 ? tag : tag.substring(0, tag.indexOf('-'));
				if (!covered.contains(tag) && !covered.contains(primary)) {
					missing.merge(languages.find(primary).map(java.util.Locale::toLanguageTag).orElse(tag), n, Long::sum);
				}
			}
		});
		var defaultName = org.listserv.shared.Languages.named(languages.of(own_));
		missing.forEach((tag, n) -> items.add(new Checklist.Item("version-missing:" + tag, Checklist.Severity.WARNING,
				false, new Text("composing.checklist.version-missing", n,
						org.listserv.shared.Languages.named(java.util.Locale.forLanguageTag(tag)), defaultName))));
		return Checklist.of(items);
	}

	private Checklist checklist(Campaign c, MailingList list, CompiledCampaign compiled) {
		String sample = compiled.render(sampleSubscriber(list, compiled)).html();
		long active = members.page(list.slug(), "ACTIVE", null, 0, 1).totalElements();
		return ChecklistRules.check(c.subject(), c.fromAddress(), compiled, sample, active);
	}

	/** As the member with this address gets it, or as a sample subscriber when {@code email} is blank. */
	Preview preview(Campaign c, String email) {
		return preview(c, email, null);
	}

	/** The same for the version in {@code language} (blank: the campaign's own texts). */
	Preview preview(Campaign c, String email, String language) {
		MailingList list = list(c);
		CampaignVersion chosen = version(c, language);
		Campaign own = c;
		c = chosen == null ? c : chosen.applyTo(c);
		CompiledCampaign compiled = chosen == null ? messages.compile(c, list)
				: messages.compile(c, list, languages.of(chosen.language()));
		Recipient r = email == null || email.isBlank()
				? withSampleAttributes(sampleSubscriber(list, compiled), compiled)
				: messages.lookingLike(list, members.get(list.slug(), email));
		CompiledCampaign.Rendered rendered = compiled.render(r);
		return new Preview(c.subject(), rendered.html(), rendered.text(), checklist(own));
	}

	/**
	 * The page at {@code /archive/{slug}/{id}}: no name (the list's greeting fallback), no address, no personal
	 * links, and each attribute the message uses in neutral words ({@code {{subscriber.attributes.city}}}
	 * reads "your city"): a reader never sees an empty merge field.
	 */
	String webVersion(Campaign c) {
		return webVersion(c, null);
	}

	/**
	 * The web version in the version of {@code language} (blank or a language without a version: the
	 * campaign's own); a campaign with versions gets a language switch at the top, links to {@code ?lang=xx}.
	 */
	String webVersion(Campaign c, String language) {
		MailingList list = list(c);
		List<CampaignVersion> versions = campaigns.versions(c.id());
		CampaignVersion chosen = versions.stream().filter(v -> v.language().equalsIgnoreCase(String.valueOf(language)))
			.findFirst().orElse(null);
		Campaign shown = chosen == null ? c : chosen.applyTo(c);
		CompiledCampaign compiled = messages.compile(shown, list,
				chosen == null ? languages.of(list.language()) : languages.of(chosen.language()));
		String html = compiled.render(withSampleAttributes(messages.sample(list, "", ""), compiled)).html();
		if (versions.isEmpty()) {
			return html;
		}
		org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
		org.jsoup.nodes.Element nav = doc.body().prependElement("nav").attr("class", "languages")
			.attr("style", "text-align:center;padding:8px;font:14px sans-serif");
		List<String> tags = new ArrayList<>();
		tags.add(languages.of(list.language()).toLanguageTag());
		versions.forEach(v -> tags.add(v.language()));
		String current = chosen == null ? tags.get(0) : chosen.language();
		for (String tag : tags) {
			if (nav.childrenSize() > 0) {
				nav.appendText(" · ");
			}
			java.util.Locale l = languages.of(tag);
			org.jsoup.nodes.Element a = nav.appendElement("a").attr("href", "?lang=" + tag).attr("hreflang", tag)
				.attr("lang", tag).text(org.listserv.shared.Languages.nameOf(l));
			if (tag.equals(current)) {
				a.attr("aria-current", "page");
			}
		}
		return doc.outerHtml();
	}

	private static final String ATTRIBUTES = "subscriber.attributes.";

	/** The sample subscriber of a preview, named in the message's language. */
	private Recipient sampleSubscriber(MailingList list, CompiledCampaign compiled) {
		return messages.sample(list, "sample@example.org", texts.get(compiled.language(), "composing.sample.subscriber"));
	}

	/**
	 * Sample values have no attributes: each one the message uses reads "your X" (in the message's language)
	 * instead of nothing.
	 */
	private Recipient withSampleAttributes(Recipient sample, CompiledCampaign compiled) {
		Map<String, Object> neutral = new HashMap<>();
		for (MergeTags.Tag t : compiled.tags()) {
			if (t.name().startsWith(ATTRIBUTES)) {
				String key = t.name().substring(ATTRIBUTES.length());
				neutral.put(key, texts.get(compiled.language(), "composing.sample.attribute",
						key.replace('_', ' ').replace('-', ' ')));
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
		return testSend(c, to, as, sender, null);
	}

	/** The same for the version in {@code language} (blank: the campaign's own texts). */
	@Transactional
	TestSend testSend(Campaign c, List<String> to, String as, String sender, String language) {
		if (to == null || to.isEmpty()) {
			throw new InvalidInputException("to", new Text("composing.error.test-no-address"));
		}
		if (to.size() > MAX_TEST_ADDRESSES) {
			throw new InvalidInputException("to", new Text("composing.error.test-too-many", MAX_TEST_ADDRESSES));
		}
		List<EmailAddress> addresses = new ArrayList<>();
		for (String raw : new LinkedHashSet<>(to)) {
			try {
				addresses.add(EmailAddress.parse(raw));
			}
			catch (EmailAddress.InvalidEmailAddressException ex) {
				throw new InvalidInputException("to", new Text("composing.error.test-address", raw, ex.reason()));
			}
		}
		MailingList list = list(c);
		CampaignVersion chosen = version(c, language);
		c = chosen == null ? c : chosen.applyTo(c);
		CompiledCampaign compiled = chosen == null ? messages.compile(c, list)
				: messages.compile(c, list, languages.of(chosen.language()));
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

	/** The campaign's version in {@code language}; null for blank or the list's own language. */
	private CampaignVersion version(Campaign c, String language) {
		if (language == null || language.isBlank()
				|| languages.find(language).map(l -> l.toLanguageTag().equals(list(c).language())).orElse(false)) {
			return null;
		}
		return campaigns.versions(c.id()).stream().filter(v -> v.language().equalsIgnoreCase(language.strip()))
			.findFirst().orElseThrow(() -> new InvalidInputException("language",
					new org.listserv.shared.Text("composing.error.no-version", language.strip())));
	}

	/** The member a test renders as, or null for sample values. */
	private Member renderAs(MailingList list, String as, String sender) {
		if (as != null && !as.isBlank()) {
			try {
				return members.get(list.slug(), as.strip());
			}
			catch (org.listserv.shared.NotFoundException ex) {
				throw new InvalidInputException("as", new Text("composing.error.render-as", as.strip(), list.name()));
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
