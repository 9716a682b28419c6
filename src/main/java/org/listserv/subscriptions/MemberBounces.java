package org.listserv.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * A membership's bounce standing, for bounce handling: it reads and changes the bounce columns of
 * {@code memberships} only through here, in the caller's transaction. Status changes go through
 * {@link MembershipTransitions}.
 */
@Service
public class MemberBounces {

	/** The bounce standing of a membership, locked for the caller's transaction. */
	public record Standing(MembershipStatus status, BigDecimal score, LocalDate lastDay, int warnings, String name) {
	}

	/** A member's subscriber id and address. */
	public record Address(long subscriberId, String email) {
	}

	/** A member disabled by bounces whose next warning (or removal) is due. */
	public record DueWarning(long listId, long subscriberId, int warnings, String email, String name) {
	}

	private final BounceStandings standings;

	MemberBounces(BounceStandings standings) {
		this.standings = standings;
	}

	/** Locks the membership ({@code FOR UPDATE}) and reads its bounce standing. */
	public Optional<Standing> lock(long listId, long subscriberId) {
		return standings.lock(listId, subscriberId);
	}

	/** The member of the list with this address (compared without case), any status. */
	public Optional<Address> member(long listId, String email) {
		return standings.member(listId, email);
	}

	/** A bounce counted: the new score and the day it was counted on. */
	public void scored(long listId, long subscriberId, BigDecimal score, LocalDate lastDay) {
		standings.updateScore(listId, subscriberId, score, lastDay);
	}

	/** The member was disabled by bounces: warnings sent so far and when the next is due. */
	public void disabled(long listId, long subscriberId, int warnings, OffsetDateTime nextWarning) {
		standings.markDisabled(listId, subscriberId, warnings, nextWarning);
	}

	/** Another warning was sent. */
	public void warned(long listId, long subscriberId, int warnings, OffsetDateTime nextWarning) {
		standings.warned(listId, subscriberId, warnings, nextWarning);
	}

	/** Clears the score and the warnings (re-enabled, removed or unsubscribed). */
	public void reset(long listId, long subscriberId) {
		standings.reset(listId, subscriberId);
	}

	/** Locks ({@code SKIP LOCKED}) and reads up to {@code limit} members whose next warning is due, oldest first. */
	public List<DueWarning> lockDueWarnings(int limit) {
		return standings.lockDueWarnings(limit);
	}

}
