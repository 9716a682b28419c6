package org.listserv.composing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

/**
 * How the body is written: Markdown (CommonMark), HTML typed by hand, or VISUAL (the HTML that the editor's
 * rich-text component writes). HTML and VISUAL bodies are sanitised when saved and again when rendered; they
 * differ only in the editor staff write them with. JSON spells the format in lower case.
 */
public enum CampaignFormat {

	MARKDOWN, HTML, VISUAL;

	/** Whether the body is HTML (sanitised when saved), not Markdown. */
	public boolean html() {
		return this != MARKDOWN;
	}

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
			throw new InvalidInputException("format", new Text("composing.error.format"));
		}
	}

}
