package org.listserv.composing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignProgressTests {

	@Test
	void nothingSentInTheLastMinuteWithMailLeftIsIdleWithNoEtaInsteadOfFailing() {
		CampaignProgress.Progress p = CampaignProgress.Progress.of(3, 1, 2, 0, 0, 0, null);

		assertThat(p.idle()).isTrue();
		assertThat(p.left()).isEqualTo(5);
		assertThat(p.ratePerSecond()).isZero();
		assertThat(p.etaSeconds()).isNull();
		assertThat(p.percent()).isEqualTo(16);
	}

	@Test
	void theEtaIsTheMailLeftAtTheRateOfTheLastMinuteAndZeroWhenAllIsDone() {
		CampaignProgress.Progress sending = CampaignProgress.Progress.of(600, 400, 0, 0, 0, 120, null);
		CampaignProgress.Progress done = CampaignProgress.Progress.of(0, 998, 0, 2, 0, 0, null);

		assertThat(sending.ratePerSecond()).isEqualTo(2.0);
		assertThat(sending.etaSeconds()).isEqualTo(300);
		assertThat(sending.idle()).isFalse();
		assertThat(done.etaSeconds()).isZero();
		assertThat(done.percent()).isEqualTo(100);
		assertThat(done.idle()).isFalse();
	}

	@Test
	void theNextRetryRoundIsShownInUtc() {
		OffsetDateTime at = OffsetDateTime.of(2030, 1, 1, 14, 30, 0, 0, ZoneOffset.ofHours(2));

		assertThat(CampaignProgress.Progress.of(0, 1, 2, 0, 0, 0, at).nextRetryAt())
			.isEqualTo(OffsetDateTime.of(2030, 1, 1, 12, 30, 0, 0, ZoneOffset.UTC));
	}

}
