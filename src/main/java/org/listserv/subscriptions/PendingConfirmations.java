package org.listserv.subscriptions;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.ConflictException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation requests for PENDING members that an admin, not the person, put on the list: an import in
 * PENDING mode and "send again to all" queue them ({@link ConfirmationRequests}), and a round every
 * {@code listserv.subscriptions.confirmation-round} mails at most
 * {@code listserv.subscriptions.import-confirmations-per-minute} a minute through the outbox, each with a new
 * link whose expiry starts then. The queue is in the database, so a restart loses and repeats nothing. Only a
 * member still waiting for their own confirmation gets one: never someone who left, was removed or disabled.
 * The consent ledger records changes of status, and a request changes none, so it is not written here.
 */
@Service
public class PendingConfirmations {

	private static final Logger log = LoggerFactory.getLogger(PendingConfirmations.class);

	private final ConfirmationRequests requests;

	private final ConfirmationTokens tokens;

	private final SubscriptionNotices notices;

	private final Memberships memberships;

	private final Subscribers subscribers;

	private final ListService lists;

	private final SubscriptionsProperties properties;

	private final TransactionTemplate tx;

	PendingConfirmations(ConfirmationRequests requests, ConfirmationTokens tokens, SubscriptionNotices notices,
			Memberships memberships, Subscribers subscribers, ListService lists, SubscriptionsProperties properties,
			TransactionTemplate tx) {
		this.requests = requests;
		this.tokens = tokens;
		this.notices = notices;
		this.memberships = memberships;
		this.subscribers = subscribers;
		this.lists = lists;
		this.properties = properties;
		this.tx = tx;
	}

	/** The members of a list waiting for their confirmation, and how many requests are still to go out. */
	ConfirmationRequests.Waiting waiting(String slug) {
		return requests.waiting(lists.get(slug).id());
	}

	/**
	 * Mails the confirmation request again to one member, now (one notice: a web request sends no more).
	 * @throws ConflictException if the member is not waiting for their own confirmation
	 */
	@Transactional
	public void resend(String slug, String email) {
		MailingList list = lists.get(slug);
		Member m = subscribers.findByEmail(MemberService.address(email).value())
			.flatMap(s -> memberships.find(list.id(), s.id()))
			.orElseThrow(() -> new org.listserv.shared.NotFoundException(email + " is not a member of " + list.name()));
		if (m.status() != MembershipStatus.PENDING || m.awaiting() != PendingReason.CONFIRMATION) {
			throw new ConflictException(m.email() + " is not waiting to confirm: nothing was sent");
		}
		send(list, new ConfirmationRequests.Due(list.id(), m.subscriberId(), m.email(), m.name(), true));
		log.info("Confirmation request to {} for {} sent again by an admin", m.email(), list.slug());
	}

	/** Queues a request for every member of the list waiting for their confirmation; how many were queued. */
	@Transactional
	public int resendAll(String slug) {
		MailingList list = lists.get(slug);
		int queued = requests.queueAll(list.id());
		log.info("Confirmation requests for {}: {} queued again by an admin", list.slug(), queued);
		return queued;
	}

	/** One round: a few due requests mailed, those of members who no longer wait dropped. */
	@Scheduled(fixedDelayString = "${listserv.subscriptions.confirmation-round:10s}", initialDelayString = "5s")
	void tick() {
		try {
			tx.executeWithoutResult(s -> round(perRound()));
		}
		catch (RuntimeException ex) {
			log.warn("Confirmation round failed, will try again: {}", ex.getMessage());
		}
	}

	/** How many a round may mail so that a minute holds at most the configured number. */
	int perRound() {
		double roundsPerMinute = 60_000.0 / Math.max(properties.confirmationRound().toMillis(), 1);
		return (int) Math.max(1, Math.floor(properties.importConfirmationsPerMinute() / roundsPerMinute));
	}

	/**
	 * Mails up to {@code limit} due requests in the caller's transaction; how many. A change of status clears a
	 * member's request, so stale ones are rare (a list deleted, a change made by hand); they are dropped without
	 * counting, a few claims a round at most.
	 */
	int round(int limit) {
		int mailed = 0;
		for (int claims = 0; claims < 5 && mailed < limit; claims++) {
			List<ConfirmationRequests.Due> due = requests.claim(limit - mailed);
			for (ConfirmationRequests.Due d : due) {
				var list = d.waiting() ? lists.findById(d.listId()) : java.util.Optional.<MailingList>empty();
				if (list.isPresent()) {
					send(list.get(), d);
					mailed++;
				}
				else {
					requests.done(d.listId(), d.subscriberId());
				}
			}
			if (due.isEmpty()) {
				break;
			}
		}
		return mailed;
	}

	private void send(MailingList list, ConfirmationRequests.Due d) {
		String token = tokens.create(TokenPurpose.SUBSCRIBE, d.subscriberId(), list.id(), properties.confirmExpiry());
		EmailAddress to = EmailAddress.parse(d.email());
		notices.confirm(list, d.subscriberId(), to, d.name(), token, TokenPurpose.SUBSCRIBE,
				notices.language(list, to, null));
		requests.done(list.id(), d.subscriberId());
	}

}
