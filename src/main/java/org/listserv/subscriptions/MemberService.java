package org.listserv.subscriptions;

import java.util.List;
import java.util.Map;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members of lists: add, remove, find, and the consent history. Every change of status writes the
 * consent ledger in the same transaction.
 */
@Service
public class MemberService {

	static final int MAX_PAGE_SIZE = 500;

	private final ListService lists;

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final ConsentLedger ledger;

	private final org.listserv.shared.Languages languages;

	MemberService(ListService lists, Subscribers subscribers, Memberships memberships, ConsentLedger ledger,
			org.listserv.shared.Languages languages) {
		this.languages = languages;
		this.lists = lists;
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.ledger = ledger;
	}

	/** The result of {@link #add}: the member, and whether the membership is new. */
	public record Added(Member member, boolean created) {
	}

	/**
	 * Makes the address an active member, as an admin or staff action. Someone who unsubscribed is not
	 * re-added (they must subscribe again themselves); someone removed or disabled is re-activated.
	 */
	@Transactional
	public Added add(String slug, String email, String name, Map<String, Object> attributes, Actor actor) {
		return add(slug, email, name, attributes, null, actor);
	}

	/**
	 * Adds or updates a member; {@code language} (a BCP 47 tag) sets the subscriber's own language, blank or
	 * null leaves it as it is; an unknown tag is refused before anything changes.
	 */
	@Transactional
	public Added add(String slug, String email, String name, Map<String, Object> attributes, String language,
			Actor actor) {
		String tag = languages.parse("language", language).orElse(null);
		MailingList list = lists.get(slug);
		EmailAddress address = address(email);
		String cleanName = name(name);
		if (attributes != null && attributes.size() > 100) {
			throw new InvalidInputException("attributes", new Text("subscriptions.member.error.attributes", "100"));
		}
		var existing = subscribers.findByEmail(address.value())
			.flatMap(s -> memberships.find(list.id(), s.id()));
		if (existing.isPresent() && existing.get().status() == MembershipStatus.UNSUBSCRIBED) {
			throw new ConflictException(
					new Text("subscriptions.member.error.unsubscribed", existing.get().email()));
		}
		long subscriberId = subscribers.upsert(address.value(), cleanName, attributes);
		if (tag != null) {
			subscribers.setLanguage(subscriberId, tag);
		}
		if (existing.isEmpty()) {
			memberships.insert(list.id(), subscriberId, MembershipStatus.ACTIVE);
			ledger.append(subscriberId, list.id(), null, MembershipStatus.ACTIVE, actor);
		}
		else if (existing.get().status() != MembershipStatus.ACTIVE) {
			memberships.updateStatus(list.id(), subscriberId, MembershipStatus.ACTIVE);
			ledger.append(subscriberId, list.id(), existing.get().status(), MembershipStatus.ACTIVE, actor);
		}
		return new Added(memberships.find(list.id(), subscriberId).orElseThrow(), existing.isEmpty());
	}

	/** Takes a member off the list (status REMOVED); the consent history stays. */
	@Transactional
	public Member remove(String slug, String email, Actor actor) {
		MailingList list = lists.get(slug);
		Member member = find(list, email);
		if (member.status() != MembershipStatus.REMOVED) {
			memberships.updateStatus(list.id(), member.subscriberId(), MembershipStatus.REMOVED);
			ledger.append(member.subscriberId(), list.id(), member.status(), MembershipStatus.REMOVED, actor);
		}
		return memberships.find(list.id(), member.subscriberId()).orElseThrow();
	}

	public Member get(String slug, String email) {
		return find(lists.get(slug), email);
	}

	public MemberPage page(String slug, String status, String query, int page, int size) {
		MailingList list = lists.get(slug);
		MembershipStatus wanted = status == null || status.isBlank() ? null : status(status);
		if (page < 0) {
			throw new InvalidInputException("page", new Text("subscriptions.member.error.page"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size",
					new Text("subscriptions.member.error.size", String.valueOf(MAX_PAGE_SIZE)));
		}
		long total = memberships.count(list.id(), wanted, query);
		List<Member> content = memberships.page(list.id(), wanted, query, page, size);
		return new MemberPage(content, page, size, total, (int) ((total + size - 1) / size));
	}

	/** Every change of this subscriber's memberships, newest first, across all lists. */
	public List<ConsentEvent> history(long subscriberId) {
		subscribers.findById(subscriberId)
			.orElseThrow(() -> noSubscriber(subscriberId));
		return ledger.history(subscriberId);
	}

	public String emailOf(long subscriberId) {
		return subscribers.findById(subscriberId)
			.orElseThrow(() -> noSubscriber(subscriberId))
			.email();
	}

	private static NotFoundException noSubscriber(long subscriberId) {
		return new NotFoundException(new Text("subscriptions.member.error.no-subscriber", String.valueOf(subscriberId)));
	}

	private Member find(MailingList list, String email) {
		return subscribers.findByEmail(email == null ? "" : email.strip())
			.flatMap(s -> memberships.find(list.id(), s.id()))
			.orElseThrow(() -> new NotFoundException(new Text("subscriptions.member.error.not-member", email, list.slug())));
	}

	static MembershipStatus status(String raw) {
		try {
			return MembershipStatus.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", new Text("subscriptions.member.error.status"));
		}
	}

	static EmailAddress address(String email) {
		try {
			return EmailAddress.parse(email);
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			throw new InvalidInputException("email", new Text("subscriptions.member.error.email", ex.reason()));
		}
	}

	static String name(String name) {
		if (name == null) {
			return "";
		}
		String n = name.strip();
		if (n.length() > 200 || n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException("name", new Text("subscriptions.error.name-invalid"));
		}
		return n;
	}

}
