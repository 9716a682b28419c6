package org.listserv.sending;

import org.junit.jupiter.api.Test;

import org.listserv.database.DataSliceTest;
import org.listserv.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rate buckets in {@code send_rate_limits}, on the database alone (a JDBC slice, rolled back each test). */
@DataSliceTest
@Import(SendRates.class)
class SendRatesIntegrationTests {

	@Autowired
	SendRates rates;

	@Test
	void theBucketGrantsWhatItHasLendsUpToTheWaitItMayAndRefusesMore() {
		// one token per 1000 s: what trickles in while the test runs is a few thousandths of a token, so the
		// figures below are the bucket's arithmetic, whatever the speed of the machine
		rates.set("bucket.example.org", 0.001, 5.0, "test");
		assertThat(rates.draw("bucket.example.org", 5, 0).granted()).isTrue();
		SendRates.Draw refused = rates.draw("bucket.example.org", 1, 0);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.waitSeconds()).as("a whole token's wait, less what trickled in").isBetween(500.0, 1000.0);
		SendRates.Draw lent = rates.draw("bucket.example.org", 2, 3000);
		assertThat(lent.granted()).isTrue();
		assertThat(lent.waitSeconds()).as("two tokens' wait, less what trickled in").isBetween(1500.0, 2000.0);
		assertThat(rates.draw("bucket.example.org", 2, 3000).granted()).as("four tokens in debt: more than it may")
			.isFalse();
		// unknown domains are not limited
		assertThat(rates.draw("free.example.org", 1000, 0).granted()).isTrue();
	}

	@Test
	void aRateIsStoredNormalisedAndABadOneIsRefusedWithTheFieldNamed() {
		rates.set("Gmail.COM", 20, null, "admin@example.org");
		assertThat(rates.find("gmail.com")).get().satisfies(r -> {
			assertThat(r.perSecond()).isEqualTo(20.0);
			assertThat(r.burst()).as("burst defaults to one second's worth").isEqualTo(20.0);
			assertThat(r.updatedBy()).isEqualTo("admin@example.org");
		});
		assertThatThrownBy(() -> rates.set("gmail.com", 0, null, "x")).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> {
				assertThat(((InvalidInputException) ex).field()).isEqualTo("perSecond");
				assertThat(((InvalidInputException) ex).text())
					.isEqualTo(new org.listserv.shared.Text("sending.error.per-second", 1_000_000));
			});
		assertThat(rates.remove("gmail.com")).isTrue();
		assertThat(rates.find("gmail.com")).isEmpty();
	}

}
