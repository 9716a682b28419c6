package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.listserv.bounces.BounceScoring.Action;
import org.listserv.bounces.BounceScoring.Outcome;
import org.listserv.bounces.BounceScoring.State;
import org.listserv.bounces.BounceScoring.Weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scoring rules (GNU Mailman's): weights, one bounce a day, reset after a quiet period, threshold. */
class BounceScoringTests {

	private static final BigDecimal THRESHOLD = new BigDecimal("5.0");

	private static final Instant DAY0 = Instant.parse("2026-03-02T10:00:00Z");

	private final BounceScoring scoring = BounceScoring.defaults();

	private static Instant day(int n) {
		return DAY0.plus(Duration.ofDays(n));
	}

	/** Applies the bounces in order to an active member, carrying the state as the job does. */
	private Outcome[] run(Weight weight, Instant... at) {
		State state = State.fresh();
		Outcome[] out = new Outcome[at.length];
		for (int i = 0; i < at.length; i++) {
			out[i] = scoring.apply(state, weight, at[i], THRESHOLD);
			state = new State(out[i].score(), out[i].lastDay(), out[i].action() != Action.DISABLE && state.active());
		}
		return out;
	}

	@Test
	void disablesMemberAfterThresholdWithinWindow() {
		Outcome[] out = run(Weight.HARD, day(0), day(2), day(4), day(6), day(8));
		for (int i = 0; i < 4; i++) {
			assertThat(out[i].action()).as("bounce %d", i + 1).isEqualTo(Action.NONE);
			assertThat(out[i].score()).isEqualByComparingTo(BigDecimal.valueOf(i + 1));
		}
		assertThat(out[4].score()).isEqualByComparingTo("5.0");
		assertThat(out[4].action()).isEqualTo(Action.DISABLE);
	}

	@Test
	void softBouncesCountHalf() {
		Outcome[] out = run(Weight.SOFT, day(0), day(1), day(2), day(3), day(4), day(5), day(6), day(7), day(8),
				day(9));
		assertThat(out[8].score()).isEqualByComparingTo("4.5");
		assertThat(out[8].action()).isEqualTo(Action.NONE);
		assertThat(out[9].score()).isEqualByComparingTo("5.0");
		assertThat(out[9].action()).isEqualTo(Action.DISABLE);
	}

	@Test
	void countsAtMostOneBounceADay() {
		Instant morning = Instant.parse("2026-03-02T00:05:00Z");
		Outcome[] out = run(Weight.HARD, morning, morning.plusSeconds(3600), morning.plusSeconds(23 * 3600),
				morning.plus(Duration.ofDays(1)));
		assertThat(out[0].counted()).isTrue();
		assertThat(out[1].counted()).isFalse();
		assertThat(out[2].counted()).isFalse();
		assertThat(out[2].score()).isEqualByComparingTo("1");
		assertThat(out[3].counted()).isTrue();
		assertThat(out[3].score()).isEqualByComparingTo("2");
	}

	@Test
	void scoreResetsAfterTheQuietPeriod() {
		// four bounces, then 8 quiet days: the next bounce starts from zero, and 4 more never reach 5
		Outcome[] out = run(Weight.HARD, day(0), day(1), day(2), day(3), day(12), day(13), day(14), day(15));
		assertThat(out[3].score()).isEqualByComparingTo("4");
		assertThat(out[4].reset()).isTrue();
		assertThat(out[4].score()).isEqualByComparingTo("1");
		assertThat(out[7].score()).isEqualByComparingTo("4");
		assertThat(out).allMatch(o -> o.action() == Action.NONE);
	}

	@Test
	void exactlySevenQuietDaysKeepTheScore() {
		Outcome[] out = run(Weight.HARD, day(0), day(7));
		assertThat(out[1].reset()).isFalse();
		assertThat(out[1].score()).isEqualByComparingTo("2");
		Outcome[] later = run(Weight.HARD, day(0), day(8));
		assertThat(later[1].reset()).isTrue();
		assertThat(later[1].score()).isEqualByComparingTo("1");
	}

	@Test
	void complaintUnsubscribesAtOnceWithoutScoring() {
		Outcome o = scoring.apply(State.fresh(), Weight.COMPLAINT, DAY0, THRESHOLD);
		assertThat(o.action()).isEqualTo(Action.UNSUBSCRIBE);
		assertThat(o.counted()).isFalse();
		assertThat(o.score()).isEqualByComparingTo("0");
	}

	@Test
	void autoRepliesAndDeliveredCountNothing() {
		State state = new State(new BigDecimal("4.5"), null, true);
		Outcome o = scoring.apply(state, Weight.NONE, DAY0, THRESHOLD);
		assertThat(o.action()).isEqualTo(Action.NONE);
		assertThat(o.counted()).isFalse();
		assertThat(o.score()).isEqualByComparingTo("4.5");
		assertThat(o.lastDay()).isNull();
	}

	@Test
	void aDisabledMemberIsNotDisabledAgain() {
		State disabled = new State(new BigDecimal("5"), null, false);
		Outcome o = scoring.apply(disabled, Weight.HARD, DAY0, THRESHOLD);
		assertThat(o.score()).isEqualByComparingTo("6");
		assertThat(o.action()).isEqualTo(Action.NONE);
	}

	@Test
	void aListThresholdIsHonoured() {
		Outcome o = scoring.apply(State.fresh(), Weight.HARD, DAY0, BigDecimal.ONE);
		assertThat(o.action()).isEqualTo(Action.DISABLE);
		Outcome soft = scoring.apply(State.fresh(), Weight.SOFT, DAY0, BigDecimal.ONE);
		assertThat(soft.action()).isEqualTo(Action.NONE);
	}

	@Test
	void removalAfterWarnings() {
		// disabled = warning 1 sent; with 3 warnings, the 2nd and 3rd are sent at the next due times, then removal
		assertThat(BounceScoring.removeInsteadOfWarning(1, 3)).isFalse();
		assertThat(BounceScoring.removeInsteadOfWarning(2, 3)).isFalse();
		assertThat(BounceScoring.removeInsteadOfWarning(3, 3)).isTrue();
		assertThat(BounceScoring.removeInsteadOfWarning(0, 0)).isTrue();
	}

	@Test
	void refusesNegativeWeights() {
		assertThatThrownBy(() -> new BounceScoring(new BigDecimal("-1"), BigDecimal.ONE, Duration.ofDays(7)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
