package org.listserv.composing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.listserv.shared.InvalidInputException;

/** The editor's form: strings as typed; times are {@code datetime-local} values in UTC. */
record CampaignForm(String subject, String preheader, String body, String layout, String format, String fromName,
		String fromAddress, String priority, String expiresAt) {

	static CampaignForm of(Campaign c) {
		return new CampaignForm(c.subject(), c.preheader(), c.body(), c.layout(), c.format().json(), c.fromName(),
				c.fromAddress(), c.priority() == null ? "" : c.priority().name(), local(c.expiresAt()));
	}

	CampaignRequest toRequest(String list, boolean actionList) {
		return new CampaignRequest(list, subject == null ? "" : subject, preheader == null ? "" : preheader,
				body == null ? "" : body, layout, format, fromName == null ? "" : fromName, fromAddress,
				null, actionList ? priority : null, actionList ? utc("expiresAt", expiresAt) : null, null);
	}

	static String local(OffsetDateTime t) {
		return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
	}

	static OffsetDateTime utc(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "The " + CampaignFields.label(field) + " time must be a date and time like 2026-06-01T09:00");
		}
	}

}
