package org.listserv.subscriptions;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.listserv.shared.Texts;
import org.listserv.web.TimeZones;

import org.springframework.stereotype.Component;

/**
 * Dates that subscribers read (a link's last day in a notice, "member since" on the preference page): the
 * day in the organisation's time zone, written with the reader's language's long date pattern
 * ({@code format.date-long}: "9 December 2026", "9 de diciembre de 2026"). Pages call it as
 * {@code @subscriptionDates}, with the page's {@code #locale}.
 */
@Component("subscriptionDates")
public class SubscriptionDates {

	private final Texts texts;

	private final TimeZones zones;

	SubscriptionDates(Texts texts, TimeZones zones) {
		this.texts = texts;
		this.zones = zones;
	}

	/** The day of {@code at} in {@code language}; "" for none. */
	public String day(OffsetDateTime at, Locale language) {
		if (at == null) {
			return "";
		}
		return texts.dateFormat(language, "format.date-long").format(at.atZoneSameInstant(zones.organisation()));
	}

}
