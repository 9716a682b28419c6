package org.listserv.bounces;

import java.util.EnumSet;
import java.util.Optional;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.ListAddress;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberBounces;
import org.listserv.subscriptions.MembershipStatus;
import org.listserv.subscriptions.MembershipTransitions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins do about bounces: re-enable a member, and decide on the messages in review. */
@Service
class BounceAdmin {

	private final BounceStore store;

	private final BounceProcessing processing;

	private final MembershipTransitions transitions;

	private final ListService lists;

	private final MemberBounces members;

	BounceAdmin(BounceStore store, BounceProcessing processing, MembershipTransitions transitions, ListService lists,
			MemberBounces members) {
		this.store = store;
		this.processing = processing;
		this.transitions = transitions;
		this.lists = lists;
		this.members = members;
	}

	/** DISABLED to ACTIVE, score and warnings reset, with a ledger row naming the admin. */
	@Transactional
	void reenable(String slug, long subscriberId, String admin, String ip) {
		MailingList list = lists.find(slug).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("bounces.error.no-list", slug)));
		MembershipStatus old = transitions.move(list.id(), subscriberId, EnumSet.of(MembershipStatus.DISABLED),
				MembershipStatus.ACTIVE, new Actor(ConsentSource.ADMIN, admin, ip, null,
						"Re-enabled by an admin after bounces; bounce score reset"));
		if (old == null) {
			throw new ConflictException(new org.listserv.shared.Text("bounces.error.only-disabled"));
		}
		members.reset(list.id(), subscriberId);
	}

	/**
	 * Records a message in review as a bounce of the member with this address on the list its bounce address
	 * names (or on {@code slug} when given).
	 */
	@Transactional
	BounceProcessing.Result assign(long bounceMessageId, String email, String slug, String admin) {
		BounceStore.QueuedMessage m = store.load(bounceMessageId)
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("bounces.error.no-message", String.valueOf(bounceMessageId))));
		String list = slug != null && !slug.isBlank() ? slug.strip()
				: ListAddress.ofRecipient(m.recipient()).map(a -> a.slug()).orElse(null);
		if (list == null) {
			throw new InvalidInputException("list", new org.listserv.shared.Text("bounces.error.name-list"));
		}
		if (email == null || email.isBlank()) {
			throw new InvalidInputException("email", new org.listserv.shared.Text("bounces.error.name-member"));
		}
		Optional<Attribution> member = processing.member(list, email.strip());
		if (member.isEmpty()) {
			throw new InvalidInputException("email", new org.listserv.shared.Text("bounces.error.not-member", email.strip(), list));
		}
		if (!store.decide(bounceMessageId, BounceMessageState.ASSIGNED, admin, null)) {
			throw new ConflictException(new org.listserv.shared.Text("bounces.error.not-in-review"));
		}
		BounceProcessing.Result r = processing.classifyAndRecord(m, member.get());
		store.finish(bounceMessageId, BounceMessageState.ASSIGNED, r.kind(), "Assigned by " + admin + ": " + r.note());
		return r;
	}

	/** NOT_BOUNCE or DISCARDED: the message stays stored, nothing is counted. */
	@Transactional
	void decide(long bounceMessageId, BounceMessageState verdict, String admin) {
		if (verdict == null || !verdict.verdict()) {
			throw new InvalidInputException("verdict", "NOT_BOUNCE or DISCARDED");
		}
		if (!store.decide(bounceMessageId, verdict, admin,
				verdict == BounceMessageState.NOT_BOUNCE ? "Marked as not a bounce by " + admin : "Discarded by " + admin)) {
			throw new ConflictException(new org.listserv.shared.Text("bounces.error.not-in-review"));
		}
	}

}
