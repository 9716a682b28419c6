package org.listserv.subscriptions;

import java.util.Locale;
import java.util.Optional;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.lists.SubscriptionPolicy;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.Languages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a subscription started by the person: join (web form or email), confirm (link or reply),
 * leave (link, one-click, or email with confirmation). Whatever the state of the address, the caller
 * gets no answer that tells it apart: the only way to learn anything is to read that mailbox.
 */
@Service
public class SubscriptionService {

	/** How a confirmation went, for the page that shows it. */
	public enum Confirmation {

		JOINED, LEFT, ALREADY_DONE, EXPIRED, INVALID

	}

	/** The outcome of a confirmation, with the list and address it was about when known. */
	public record ConfirmResult(Confirmation outcome, MailingList list, String email) {
	}

	private final ListService lists;

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final ConsentLedger ledger;

	private final ConfirmationTokens tokens;

	private final SubscriptionNotices notices;

	private final SubscriptionsProperties properties;

	private final Languages languages;

	SubscriptionService(ListService lists, Subscribers subscribers, Memberships memberships, ConsentLedger ledger,
			ConfirmationTokens tokens, SubscriptionNotices notices, SubscriptionsProperties properties,
			Languages languages) {
		this.languages = languages;
		this.lists = lists;
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.ledger = ledger;
		this.tokens = tokens;
		this.notices = notices;
		this.properties = properties;
	}

	/** Someone asks to join, naming no language, having read the consent in the current request's. */
	@Transactional
	public void requestSubscription(String slug, String email, String name, Actor actor) {
		requestSubscription(slug, email, name, null, LocaleContextHolder.getLocale(), actor);
	}

	/**
	 * Someone asks to join: under CONFIRM a confirmation request goes out (again, if still pending), under
	 * SINGLE they are in at once, under APPROVE the address is confirmed first and then an admin decides;
	 * a member already active is told so.
	 * <p>
	 * {@code language} (a tag, blank: none) is the language the person asked for. The request proves nothing
	 * about who sent it, so it becomes the language of a subscriber created now, and of the notices this
	 * request causes; an existing subscriber's own language changes only when the address is confirmed (the
	 * token carries it). {@code shown} is the language the consent text was shown in, as the ledger records it.
	 * @throws org.listserv.shared.InvalidInputException for an address, a name or a language that is not valid
	 */
	@Transactional
	public void requestSubscription(String slug, String email, String name, String language, Locale shown,
			Actor actor) {
		MailingList list = lists.get(slug);
		EmailAddress address = MemberService.address(email);
		String cleanName = MemberService.name(name);
		String asked = languages.parse("language", language).orElse(null);
		Optional<Subscribers.Subscriber> known = subscribers.findByEmail(address.value());
		long subscriberId = known.map(Subscribers.Subscriber::id).orElseGet(() -> {
			long id = subscribers.upsert(address.value(), cleanName, null);
			if (asked != null) {
				subscribers.setLanguage(id, asked);
			}
			return id;
		});
		Locale notice = asked == null ? null : languages.of(asked);
		String displayName = known.map(Subscribers.Subscriber::name).orElse(cleanName);
		Optional<Member> member = memberships.find(list.id(), subscriberId);
		MembershipStatus was = member.map(Member::status).orElse(null);
		if (was == MembershipStatus.ACTIVE) {
			if (notices.mayNotify(address)) {
				notices.send("already-subscribed", list, subscriberId, address, displayName, true, notice);
			}
			return;
		}
		if (was == MembershipStatus.PENDING) {
			if (member.get().awaiting() == PendingReason.CONFIRMATION && notices.mayNotify(address)) {
				sendConfirmation(list, subscriberId, address, displayName, TokenPurpose.SUBSCRIBE, asked);
			}
			return;
		}
		Actor withConsent = actor.withConsentText(notices.consentText(list, shown == null
				? notices.language(list, address, notice) : shown));
		// APPROVE confirms the address first too: an admin must not approve an address nobody confirmed
		if (list.subscriptionPolicy() == SubscriptionPolicy.SINGLE) {
			setStatus(list, subscriberId, was, MembershipStatus.ACTIVE, null, withConsent);
			notices.send("welcome", list, subscriberId, address, displayName, true, notice);
		}
		else {
			setStatus(list, subscriberId, was, MembershipStatus.PENDING, PendingReason.CONFIRMATION, withConsent);
			if (notices.mayNotify(address)) {
				sendConfirmation(list, subscriberId, address, displayName, TokenPurpose.SUBSCRIBE, asked);
			}
		}
	}

	/** Someone asks by email to leave: a confirmation request goes to the address, if it is on the list. */
	@Transactional
	public boolean requestUnsubscribe(String slug, EmailAddress address) {
		return requestUnsubscribe(slug, address, null);
	}

	/** Someone asks by email to leave, in {@code language} (a tag, null: theirs): a confirmation goes out. */
	@Transactional
	public boolean requestUnsubscribe(String slug, EmailAddress address, String language) {
		MailingList list = lists.get(slug);
		Optional<Subscribers.Subscriber> known = subscribers.findByEmail(address.value());
		Optional<Member> member = known.flatMap(s -> memberships.find(list.id(), s.id()));
		boolean onList = member.map(m -> m.status() == MembershipStatus.ACTIVE || m.status() == MembershipStatus.PENDING)
			.orElse(false);
		if (onList && notices.mayNotify(address)) {
			sendConfirmation(list, known.get().id(), address, known.get().name(), TokenPurpose.UNSUBSCRIBE,
					languages.find(language).map(Locale::toLanguageTag).orElse(null));
		}
		return onList;
	}

	/**
	 * The language a token page speaks: the one its request asked for, else the subscriber's own (a
	 * stored tag), else null.
	 */
	public String pageLanguage(String token) {
		return tokens.find(token)
			.map(t -> t.language() != null ? t.language()
					: subscribers.findById(t.subscriberId()).flatMap(s -> subscribers.language(s.email())).orElse(null))
			.orElse(null);
	}

	/** What a token would confirm, without using it (for the page a GET shows). */
	public ConfirmResult inspect(String token) {
		return tokens.find(token).map(t -> {
			MailingList list = lists.findById(t.listId()).orElse(null);
			String email = subscribers.findById(t.subscriberId()).map(Subscribers.Subscriber::email).orElse(null);
			Confirmation outcome = t.usedAt() != null ? Confirmation.ALREADY_DONE
					: t.expired() ? Confirmation.EXPIRED
							: t.purpose() == TokenPurpose.SUBSCRIBE ? Confirmation.JOINED : Confirmation.LEFT;
			return new ConfirmResult(outcome, list, email);
		}).orElse(new ConfirmResult(Confirmation.INVALID, null, null));
	}

	/**
	 * Uses a confirmation token: joins or leaves the list it names. Single use; expired ones fail. The token
	 * was mailed to the subscriber, so the ledger records them as the actor, through {@code via}'s channel.
	 */
	@Transactional
	public ConfirmResult confirm(String token, Actor via) {
		return confirm(token, via, LocaleContextHolder.getLocale());
	}

	/**
	 * Uses a confirmation token, the consent having been shown in {@code shown} (null: in the confirmation
	 * mail's language). A join applies the language its request asked for to the subscriber: the address
	 * is proven now.
	 */
	@Transactional
	public ConfirmResult confirm(String token, Actor via, Locale shown) {
		ConfirmResult seen = inspect(token);
		if (seen.outcome() != Confirmation.JOINED && seen.outcome() != Confirmation.LEFT) {
			return seen;
		}
		ConfirmationTokens.Token t = tokens.find(token).orElseThrow();
		MailingList list = seen.list();
		Optional<Member> member = memberships.find(list.id(), t.subscriberId());
		if (!tokens.use(t.id()) || member.isEmpty() || list == null) {
			return new ConfirmResult(Confirmation.ALREADY_DONE, list, seen.email());
		}
		Member m = member.get();
		Actor actor = via.provenAs(t.subscriberId());
		if (t.purpose() == TokenPurpose.UNSUBSCRIBE) {
			leave(list, m, actor);
			return seen;
		}
		if (m.status() != MembershipStatus.PENDING || m.awaiting() != PendingReason.CONFIRMATION) {
			return new ConfirmResult(Confirmation.ALREADY_DONE, list, seen.email());
		}
		if (t.language() != null) {
			subscribers.setLanguage(t.subscriberId(), t.language());
		}
		Locale language = shown != null ? shown
				: notices.language(list, EmailAddress.parse(m.email()), null);
		Actor withConsent = actor.withConsentText(notices.consentText(list, language));
		if (list.subscriptionPolicy() == SubscriptionPolicy.APPROVE) {
			setStatus(list, m.subscriberId(), m.status(), MembershipStatus.PENDING, PendingReason.APPROVAL, withConsent);
			notices.send("pending-approval", list, m.subscriberId(), EmailAddress.parse(m.email()), m.name(), false);
		}
		else {
			setStatus(list, m.subscriberId(), m.status(), MembershipStatus.ACTIVE, null, withConsent);
			notices.send("welcome", list, m.subscriberId(), EmailAddress.parse(m.email()), m.name(), true);
		}
		return seen;
	}

	/** Leaves a list (from a signed unsubscribe link or one-click); false if the link names nothing. */
	@Transactional
	public boolean unsubscribe(long subscriberId, long listId, Actor actor) {
		Optional<MailingList> list = lists.findById(listId);
		Optional<Member> member = list.flatMap(l -> memberships.find(l.id(), subscriberId));
		member.ifPresent(m -> leave(list.get(), m, actor));
		return member.isPresent();
	}

	/** Leaves every list the subscriber is on. */
	@Transactional
	public void leaveAll(long subscriberId, Actor actor) {
		for (long listId : memberships.listIdsOf(subscriberId)) {
			unsubscribe(subscriberId, listId, actor);
		}
	}

	void leave(MailingList list, Member m, Actor actor) {
		if (m.status() == MembershipStatus.UNSUBSCRIBED || m.status() == MembershipStatus.REMOVED) {
			return;
		}
		setStatus(list, m.subscriberId(), m.status(), MembershipStatus.UNSUBSCRIBED, null, actor);
		if (list.goodbyeNotice() && m.status() == MembershipStatus.ACTIVE) {
			notices.send("goodbye", list, m.subscriberId(), EmailAddress.parse(m.email()), m.name(), false);
		}
	}

	void setStatus(MailingList list, long subscriberId, MembershipStatus from, MembershipStatus to,
			PendingReason reason, Actor actor) {
		if (from == null) {
			memberships.insert(list.id(), subscriberId, to, reason);
		}
		else {
			memberships.updateStatus(list.id(), subscriberId, to, reason);
		}
		ledger.append(subscriberId, list.id(), from, to, actor);
	}

	private void sendConfirmation(MailingList list, long subscriberId, EmailAddress address, String name,
			TokenPurpose purpose, String language) {
		String token = tokens.create(purpose, subscriberId, list.id(), properties.confirmExpiry(), language);
		notices.confirm(list, subscriberId, address, name, token, purpose,
				notices.language(list, address, language == null ? null : languages.of(language)));
	}

}
