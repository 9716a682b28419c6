package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The bounce score rules, in the manner of GNU Mailman, as a pure function of a membership's bounce state
 * and one bounce: a hard bounce adds {@code hardWeight} (1.0), a soft one {@code softWeight} (0.5), at most
 * one bounce counts per (UTC) day, and a bounce more than {@code staleAfter} (7 days) after the last counted
 * one starts the score again from zero. An ACTIVE member whose score reaches the threshold is DISABLED.
 * Complaints unsubscribe at once; auto-replies and other {@code NONE} results count nothing.
 */
public final class BounceScoring {

	/** What the rules need of the membership before the bounce. */
	public record State(BigDecimal score, LocalDate lastDay, boolean active) {

		public static State fresh() {
			return new State(BigDecimal.ZERO, null, true);
		}

	}

	/** What one bounce does to the membership. */
	public enum Action {

		/** Nothing changes state (the score may still change). */
		NONE,
		/** The score reached the threshold: the member is disabled and warned. */
		DISABLE,
		/** A complaint: the member is unsubscribed at once (whatever the status, if still on the list). */
		UNSUBSCRIBE

	}

	/**
	 * @param score the score after the bounce
	 * @param lastDay the day of the last counted bounce after it
	 * @param counted whether this bounce was added to the score
	 * @param reset whether the old score was dropped as stale first
	 */
	public record Outcome(BigDecimal score, LocalDate lastDay, boolean counted, boolean reset, Action action) {
	}

	/** What a bounce is, as far as scoring goes. */
	public enum Weight {

		HARD, SOFT, COMPLAINT, NONE

	}

	private final BigDecimal hardWeight;

	private final BigDecimal softWeight;

	private final Duration staleAfter;

	public BounceScoring(BigDecimal hardWeight, BigDecimal softWeight, Duration staleAfter) {
		if (hardWeight.signum() < 0 || softWeight.signum() < 0 || staleAfter.isNegative()) {
			throw new IllegalArgumentException("Bounce weights and the stale period cannot be negative");
		}
		this.hardWeight = hardWeight;
		this.softWeight = softWeight;
		this.staleAfter = staleAfter;
	}

	public static BounceScoring defaults() {
		return new BounceScoring(BigDecimal.ONE, new BigDecimal("0.5"), Duration.ofDays(7));
	}

	/**
	 * Applies one bounce received at {@code at}.
	 * @param threshold the list's threshold (a score at or above it disables an active member)
	 */
	public Outcome apply(State state, Weight weight, Instant at, BigDecimal threshold) {
		LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
		if (weight == Weight.COMPLAINT) {
			return new Outcome(state.score(), state.lastDay(), false, false, Action.UNSUBSCRIBE);
		}
		if (weight == Weight.NONE) {
			return new Outcome(state.score(), state.lastDay(), false, false, Action.NONE);
		}
		if (state.lastDay() != null && !day.isAfter(state.lastDay())) {
			// one bounce a day at most (a late-arriving older bounce does not count either)
			return new Outcome(state.score(), state.lastDay(), false, false, Action.NONE);
		}
		boolean stale = state.lastDay() != null
				&& state.lastDay().plusDays(Math.max(staleAfter.toDays(), 0)).isBefore(day);
		BigDecimal base = stale ? BigDecimal.ZERO : state.score();
		BigDecimal score = base.add(weight == Weight.HARD ? hardWeight : softWeight);
		Action action = state.active() && score.compareTo(threshold) >= 0 ? Action.DISABLE : Action.NONE;
		return new Outcome(score, day, true, stale, action);
	}

	/**
	 * What to do for a member disabled by bounces when a warning is due.
	 * @param warningsSent warnings sent so far (the notice sent when disabling is the first)
	 * @return true to remove the member, false to send another warning
	 */
	public static boolean removeInsteadOfWarning(int warningsSent, int maxWarnings) {
		return warningsSent >= maxWarnings;
	}

}
