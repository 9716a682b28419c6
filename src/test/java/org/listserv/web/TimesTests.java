package org.listserv.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a time reads on a page, and how a typed one is read, in the organisation's zone (nobody logged in). */
class TimesTests {

	private static Times in(String zone) {
		return new Times(new TimeZones() {
			@Override
			public ZoneId organisation() {
				return ZoneId.of(zone);
			}

			@Override
			public Optional<ZoneId> account(String email) {
				return Optional.empty();
			}
		}, new ZoneProperties("UTC"));
	}

	private static final Instant NOON_UTC = Instant.parse("2026-12-24T12:00:00Z");

	@Test
	void showsUtcAsUtcAndEveryOtherZoneWithItsOffsetEvenWhenTheOffsetIsZero() {
		assertThat(in("UTC").format(NOON_UTC)).isEqualTo("2026-12-24 12:00 UTC");
		assertThat(in("America/Bogota").format(NOON_UTC)).isEqualTo("2026-12-24 07:00 -05:00");
		assertThat(in("Europe/London").format(NOON_UTC)).isEqualTo("2026-12-24 12:00 +00:00");
		assertThat(in("Europe/London").format(Instant.parse("2026-06-24T12:00:00Z"))).isEqualTo("2026-06-24 13:00 +01:00");
		assertThat(in("Asia/Kolkata").seconds(OffsetDateTime.of(2026, 12, 24, 12, 0, 5, 0, ZoneOffset.UTC)))
			.isEqualTo("2026-12-24 17:30:05 +05:30");
		assertThat(in("Pacific/Auckland").date(NOON_UTC)).isEqualTo("2026-12-25");
		assertThat(in("UTC").format(null)).isEmpty();
	}

	@Test
	void readsATypedTimeInTheZoneAndGivesItBackForTheInput() {
		Times bogota = in("America/Bogota");
		OffsetDateTime stored = bogota.parse("scheduledAt", "The send time", "2026-12-24T09:00");
		assertThat(stored).isEqualTo(OffsetDateTime.of(2026, 12, 24, 14, 0, 0, 0, ZoneOffset.UTC));
		assertThat(bogota.input(stored)).isEqualTo("2026-12-24T09:00");
		assertThat(bogota.parse("scheduledAt", "The send time", "  ")).isNull();
	}

	@Test
	void aTimeInTheSpringForwardGapIsReadWithTheLaterOffset() {
		// 02:30 on 29 March 2026 does not exist in Berlin: clocks go from 02:00 to 03:00
		assertThat(in("Europe/Berlin").parse("scheduledAt", "The send time", "2026-03-29T02:30"))
			.isEqualTo(OffsetDateTime.of(2026, 3, 29, 1, 30, 0, 0, ZoneOffset.UTC));
	}

	@Test
	void badInputSaysWhatIsWrongInTheFieldsWords() {
		assertThatThrownBy(() -> in("UTC").parse("expiresAt", "\"Do not send after\"", "24.12.2026 09:00"))
			.isInstanceOf(InvalidInputException.class)
			.extracting(ex -> ((InvalidInputException) ex).text())
			.isEqualTo(new Text("web.error.date-time", "\"Do not send after\""));
		assertThatThrownBy(() -> Times.zone("timeZone", "Mars/Olympus")).isInstanceOf(InvalidInputException.class)
			.extracting(ex -> ((InvalidInputException) ex).text())
			.isEqualTo(new Text("web.error.time-zone", "Mars/Olympus"));
		assertThatThrownBy(() -> new ZoneProperties("Mars/Olympus")).isInstanceOf(InvalidInputException.class);
	}

}
