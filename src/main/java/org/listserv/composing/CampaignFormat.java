package org.listserv.composing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.listserv.shared.InvalidInputException;

/** How the body is written: Markdown (CommonMark) or HTML (sanitised). JSON spells it in lower case. */
public enum CampaignFormat {

	MARKDOWN, HTML;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static CampaignFormat parse(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return valueOf(raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("format", "The format must be markdown or html");
		}
	}

}
