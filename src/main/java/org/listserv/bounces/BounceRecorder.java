package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberBounces;
import org.listserv.subscriptions.MembershipStatus;
import org.listserv.subscriptions.MembershipTransitions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one bounce for one membership and acts on it, in the caller's transaction: the event with its
 * evidence, the score ({@link BounceScoring}), and the state changes (DISABLED with a notice, UNSUBSCRIBED for
 * a complaint, REMOVED after the warnings), each written to the consent ledger with the event as evidence.
 * Recording the same message (or synchronous failure) for the same member twice does nothing the second time.
 */
@Service
class BounceRecorder {

	private static final Logger log = LoggerFactory.getLogger(BounceRecorder.class);

	static final String ACTOR = "process-bounces";

	private final BounceStore store;

	private final MembershipTransitions transitions;

	private final MemberBounces members;

	private final ListService lists;

	private final BounceNotices notices;

	private final BouncesProperties properties;

	private final BounceScoring scoring;

	BounceRecorder(BounceStore store, MembershipTransitions transitions, MemberBounces members, ListService lists,
			BounceNotices notices, BouncesProperties properties) {
		this.store = store;
		this.transitions = transitions;
		this.members = members;
		this.lists = lists;
		this.notices = notices;
		this.properties = properties;
		this.scoring = properties.scoring();
	}

	/** What recording did: the event (empty if it was recorded before) and the action taken. */
	record Recorded(Optional<Long> eventId, BounceScoring.Action action, boolean counted) {
	}

	@Transactional
	Recorded record(Attribution a, Evidence e, BounceSource source, Long bounceMessageId, Long inboundMessageId,
			String messageId, Instant at) {
		Optional<MemberBounces.Standing> locked = members.lock(a.listId(), a.subscriberId());
		if (locked.isEmpty()) {
			throw new IllegalStateException("No membership of subscriber " + a.subscriberId() + " on list " + a.listId());
		}
		MemberBounces.Standing state = locked.get();
		BigDecimal threshold = lists.findById(a.listId())
			.map(MailingList::bounceThreshold)
			.orElse(null);
		BigDecimal limit = threshold == null ? properties.threshold() : threshold;
		boolean active = state.status() == MembershipStatus.ACTIVE;
		BounceScoring.Outcome outcome = scoring.apply(new BounceScoring.State(state.score(), state.lastDay(), active),
				e.weight(), at, limit);
		Optional<Long> eventId = store.insertEvent(a, source, bounceMessageId, inboundMessageId, e, outcome.counted(),
				outcome.score());
		if (eventId.isEmpty()) {
			return new Recorded(eventId, BounceScoring.Action.NONE, false);
		}
		if (outcome.counted()) {
			members.scored(a.listId(), a.subscriberId(), outcome.score(), outcome.lastDay());
		}
		long id = eventId.get();
		switch (outcome.action()) {
			case DISABLE -> {
				String why = "Bounce event #" + id + ": " + describe(e) + "; bounce score " + plain(outcome.score())
						+ " reached the threshold " + plain(limit);
				if (transitions.move(a.listId(), a.subscriberId(), EnumSet.of(MembershipStatus.ACTIVE),
						MembershipStatus.DISABLED, actor(messageId, why)) != null) {
					int warningsLeft = Math.max(properties.warnings() - 1, 0);
					members.disabled(a.listId(), a.subscriberId(), Math.min(1, properties.warnings()),
							OffsetDateTime.now(ZoneOffset.UTC).plus(properties.warningInterval()));
					store.eventAction(id, BounceAction.DISABLED);
					notices.disabled(a.listId(), a.email(), state.name(), e, warningsLeft);
					log.info("Disabled {} on list {} after bounce event {}", a.email(), a.listId(), id);
				}
			}
			case UNSUBSCRIBE -> {
				String why = "Bounce event #" + id + ": complaint (" + describe(e) + ")";
				if (transitions.move(a.listId(), a.subscriberId(),
						EnumSet.of(MembershipStatus.ACTIVE, MembershipStatus.PENDING, MembershipStatus.DISABLED),
						MembershipStatus.UNSUBSCRIBED, actor(messageId, why)) != null) {
					members.reset(a.listId(), a.subscriberId());
					store.eventAction(id, BounceAction.UNSUBSCRIBED);
					log.info("Unsubscribed {} from list {} after complaint {}", a.email(), a.listId(), id);
				}
			}
			default -> {
			}
		}
		return new Recorded(eventId, outcome.action(), outcome.counted());
	}

	/** Sends the due warning, or removes the member after the last one. */
	@Transactional
	void warnOrRemove(MemberBounces.DueWarning due) {
		String email = due.email();
		if (BounceScoring.removeInsteadOfWarning(due.warnings(), properties.warnings())) {
			String why = "Disabled by bounces and warned " + due.warnings() + " time(s) without change";
			if (transitions.move(due.listId(), due.subscriberId(), EnumSet.of(MembershipStatus.DISABLED),
					MembershipStatus.REMOVED, actor(null, why)) != null) {
				members.reset(due.listId(), due.subscriberId());
				log.info("Removed {} from list {} after {} bounce warnings", email, due.listId(), due.warnings());
			}
			return;
		}
		int sent = due.warnings() + 1;
		notices.warning(due.listId(), email, due.name(), Math.max(properties.warnings() - sent, 0));
		members.warned(due.listId(), due.subscriberId(), sent,
				OffsetDateTime.now(ZoneOffset.UTC).plus(properties.warningInterval()));
	}

	private static Actor actor(String messageId, String why) {
		return new Actor(ConsentSource.BOUNCE_JOB, ACTOR, null, messageId, why);
	}

	static String describe(Evidence e) {
		StringBuilder s = new StringBuilder(e.classification().name().toLowerCase(java.util.Locale.ROOT));
		if (e.reason() != null) {
			s.append(' ').append(e.reason());
		}
		if (e.status() != null) {
			s.append(' ').append(e.status());
		}
		if (e.replyCode() != null) {
			s.append(" (").append(e.replyCode()).append(')');
		}
		return s.toString();
	}

	private static String plain(BigDecimal d) {
		return d.stripTrailingZeros().toPlainString();
	}

}
