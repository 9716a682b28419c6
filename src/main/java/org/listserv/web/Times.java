package org.listserv.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Every time a person reads or types on a page, in the viewer's zone: the account's own, else the
 * organisation's ({@link TimeZones}); on public pages the organisation's. Pages call it as
 * {@code ${@times.format(instant)}}: "2026-12-24 09:00 -05:00", the offset always shown (UTC shows as
 * "UTC"), and the layout names the zone id; the date and time patterns are the viewer's language's
 * ({@code format.datetime} etc. in the common bundle: "24/12/2026 09:00 -05:00" in Spanish). Stored times stay UTC instants; the JSON API shows them in
 * ISO-8601 UTC and never comes here.
 */
@Component("times")
public class Times {

	private static final String ATTRIBUTE = Times.class.getName() + ".zone";

	/** The patterns of the common bundle, with the English (default) ones used when there are no bundles. */
	private static final Map<String, String> PATTERNS = Map.of("format.datetime", "yyyy-MM-dd HH:mm",
			"format.datetime-seconds", "yyyy-MM-dd HH:mm:ss", "format.date", "yyyy-MM-dd");

	private final TimeZones zones;

	private final ZoneId fallback;

	private final Texts texts;

	private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

	/** Without bundles (a unit test): the default language's patterns. */
	Times(TimeZones zones, ZoneProperties properties) {
		this(zones, properties, null);
	}

	@Autowired
	Times(TimeZones zones, ZoneProperties properties, Texts texts) {
		this.zones = zones;
		this.fallback = zone("listserv.web.time-zone", properties.timeZone());
		this.texts = texts;
	}

	/** The zone of whoever is looking (asked once per request). */
	public ZoneId zone() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId z) {
			return z;
		}
		ZoneId zone;
		try {
			String user = LayoutModel.currentUser();
			zone = (user == null ? java.util.Optional.<ZoneId>empty() : zones.account(user))
				.orElseGet(zones::organisation);
		}
		catch (DataAccessException ex) {
			// the outage page still shows times (and its layout the zone): in the configured zone
			zone = fallback;
		}
		if (request != null) {
			request.setAttribute(ATTRIBUTE, zone, RequestAttributes.SCOPE_REQUEST);
		}
		return zone;
	}

	/** The viewer's zone id, e.g. {@code America/Bogota}. */
	public String zoneId() {
		return zone().getId();
	}

	/** "2026-12-24 09:00 -05:00"; empty for null. */
	public String format(Object time) {
		return with(time, pattern("format.datetime"));
	}

	/** "2026-12-24 09:00:05 -05:00"; empty for null. */
	public String seconds(Object time) {
		return with(time, pattern("format.datetime-seconds"));
	}

	/** "2026-12-24", the day in the viewer's zone; empty for null. */
	public String date(Object time) {
		ZonedDateTime t = local(time);
		return t == null ? "" : pattern("format.date").format(t);
	}

	/** The value of a {@code datetime-local} input for this time, in the viewer's zone; empty for null. */
	public String input(OffsetDateTime time) {
		ZonedDateTime t = local(time);
		return t == null ? "" : t.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/**
	 * A {@code datetime-local} value typed in the viewer's zone as a UTC time; null for blank. In a
	 * daylight-saving gap the later offset is used (02:30 on the night clocks skip to 03:00 is 03:30).
	 */
	public OffsetDateTime parse(String field, String label, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, new Text("web.error.date-time", label));
		}
	}

	/** The zone {@code id}, or an {@link InvalidInputException} on {@code field} that says what is wrong. */
	public static ZoneId zone(String field, String id) {
		try {
			return ZoneId.of(id == null ? "" : id.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException(field, new Text("web.error.time-zone", String.valueOf(id)));
		}
	}

	/** The request language's pattern of {@code key} in the common bundle ("dd/MM/yyyy HH:mm" in Spanish). */
	private DateTimeFormatter pattern(String key) {
		Locale language = LocaleContextHolder.getLocale();
		return formatters.computeIfAbsent(language.toLanguageTag() + " " + key, k -> DateTimeFormatter
			.ofPattern(texts == null ? PATTERNS.get(key) : texts.get(language, key), language));
	}

	private String with(Object time, DateTimeFormatter pattern) {
		ZonedDateTime t = local(time);
		if (t == null) {
			return "";
		}
		String offset = isUtc(t.getZone()) ? "UTC"
				: t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
		return pattern.format(t) + " " + offset;
	}

	private static boolean isUtc(ZoneId zone) {
		return zone.normalized().equals(ZoneOffset.UTC);
	}

	private ZonedDateTime local(Object time) {
		if (time == null) {
			return null;
		}
		Instant instant;
		if (time instanceof Instant i) {
			instant = i;
		}
		else if (time instanceof OffsetDateTime o) {
			instant = o.toInstant();
		}
		else if (time instanceof TemporalAccessor t) {
			instant = Instant.from(t);
		}
		else {
			throw new IllegalArgumentException("Not a time: " + time.getClass().getName());
		}
		return instant.atZone(zone());
	}

}
