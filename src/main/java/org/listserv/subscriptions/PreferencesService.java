package org.listserv.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.lists.SubscriptionPolicy;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The preference page of one subscriber, reached with a signed link: every public list and every list
 * they are on, with join, leave, name and delivery mode. The link proves the person reads the mailbox,
 * so joining from here needs no further confirmation (an APPROVE list still waits for an admin).
 */
@Service
public class PreferencesService {

	/** One row of the page: a list, and the subscriber's membership of it if any. */
	public record Row(MailingList list, Member membership, boolean ownPosts) {

		Row(MailingList list, Member membership) {
			this(list, membership, false);
		}

		/** Discussion lists (ACTION) carry members' posts: there a member may ask for their own posts too. */
		public boolean discussion() {
			return list.kind() == org.listserv.lists.ListKind.ACTION;
		}

		public boolean member() {
			return membership != null && (membership.status() == MembershipStatus.ACTIVE
					|| membership.status() == MembershipStatus.PENDING);
		}

	}

	/** The page: who, and their lists. */
	public record Preferences(long subscriberId, String email, String name, String language, List<Row> rows) {
	}

	private final ListService lists;

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final SubscriptionService subscriptions;

	private final SubscriptionNotices notices;

	private final org.listserv.shared.Languages languages;

	PreferencesService(ListService lists, Subscribers subscribers, Memberships memberships,
			SubscriptionService subscriptions, SubscriptionNotices notices, org.listserv.shared.Languages languages) {
		this.languages = languages;
		this.lists = lists;
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.subscriptions = subscriptions;
		this.notices = notices;
	}

	public Preferences load(long subscriberId) {
		Subscribers.Subscriber s = subscriber(subscriberId);
		List<Row> rows = new ArrayList<>();
		for (MailingList list : lists.all()) {
			Optional<Member> m = memberships.find(list.id(), subscriberId);
			if (list.publicList() || m.isPresent()) {
				rows.add(new Row(list, m.orElse(null),
						m.isPresent() && memberships.receivesOwnPosts(list.id(), subscriberId)));
			}
		}
		return new Preferences(subscriberId, s.email(), s.name(), subscribers.language(s.email()).orElse(null), rows);
	}

	@Transactional
	public void join(long subscriberId, String slug, Actor actor) {
		MailingList list = lists.get(slug);
		Subscribers.Subscriber s = subscriber(subscriberId);
		Optional<Member> m = memberships.find(list.id(), subscriberId);
		if (!list.publicList() && m.isEmpty()) {
			throw new NotFoundException(new org.listserv.shared.Text("subscriptions.error.no-list", slug));
		}
		MembershipStatus was = m.map(Member::status).orElse(null);
		if (was == MembershipStatus.ACTIVE || (was == MembershipStatus.PENDING
				&& m.get().awaiting() == PendingReason.APPROVAL)) {
			return;
		}
		// the preference page showed the list in the request's language
		Actor withConsent = actor.withConsentText(
				notices.consentText(list, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		EmailAddress address = EmailAddress.parse(s.email());
		if (list.subscriptionPolicy() == SubscriptionPolicy.APPROVE) {
			subscriptions.setStatus(list, subscriberId, was, MembershipStatus.PENDING, PendingReason.APPROVAL,
					withConsent);
			notices.send("pending-approval", list, subscriberId, address, s.name(), false);
		}
		else {
			subscriptions.setStatus(list, subscriberId, was, MembershipStatus.ACTIVE, null, withConsent);
			notices.send("welcome", list, subscriberId, address, s.name(), true);
		}
	}

	@Transactional
	public void leave(long subscriberId, String slug, Actor actor) {
		MailingList list = lists.get(slug);
		memberships.find(list.id(), subscriberId).ifPresent(m -> subscriptions.leave(list, m, actor));
	}

	/** Sets the subscriber's own language (a tag; blank: none, each list's). */
	@Transactional
	public void setLanguage(long subscriberId, String language) {
		Subscribers.Subscriber s = subscriber(subscriberId);
		subscribers.setLanguage(s.id(), languages.parse("language", language).orElse(null));
	}

	/** The subscriber's own language (a stored tag), or null. */
	public String language(long subscriberId) {
		return subscribers.findById(subscriberId).flatMap(s -> subscribers.language(s.email())).orElse(null);
	}

	@Transactional
	public void rename(long subscriberId, String name) {
		Subscribers.Subscriber s = subscriber(subscriberId);
		subscribers.rename(s.id(), MemberService.name(name));
	}

	@Transactional
	public void setMode(long subscriberId, String slug, DeliveryMode mode) {
		MailingList list = lists.get(slug);
		memberships.find(list.id(), subscriberId)
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("subscriptions.error.not-on-list", slug)));
		memberships.updateMode(list.id(), subscriberId, mode);
	}

	/** Whether the member also gets their own posts to a discussion list (off by default). */
	@Transactional
	public void setOwnPosts(long subscriberId, String slug, boolean ownPosts) {
		MailingList list = lists.get(slug);
		memberships.find(list.id(), subscriberId)
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("subscriptions.error.not-on-list", slug)));
		memberships.updateOwnPosts(list.id(), subscriberId, ownPosts);
	}

	/** Mails the preference link to the address if it belongs to a subscriber (rate-limited); silent otherwise. */
	@Transactional
	public void sendLink(String email) {
		EmailAddress address;
		try {
			address = EmailAddress.parse(email);
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			return;
		}
		subscribers.findByEmail(address.value())
			.filter(s -> notices.mayNotify(address))
			.ifPresent(s -> notices.preferencesLink(s.id(), EmailAddress.parse(s.email()), s.name()));
	}

	private Subscribers.Subscriber subscriber(long id) {
		return subscribers.findById(id)
			.orElseThrow(() -> new NotFoundException(new Text("subscriptions.preferences.error.nobody")));
	}

}
