package org.listserv.shared;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The languages people are served in.
 *
 * @param supported the languages offered, as BCP 47 tags, first the most used (default {@code en,es}); each
 *        needs its bundles ({@code i18n/*_xx.properties}) and notices ({@code templates/notices/xx/}), a
 *        language without them falls back to the default's text key by key
 * @param defaultLanguage the language of a new list, of pages when nothing else decides, and of every text
 *        missing in another language (default {@code en}); must be one of {@code supported}
 */
@ConfigurationProperties("listserv.languages")
public record LanguagesProperties(@DefaultValue({ "en", "es" }) List<String> supported,
		@DefaultValue("en") String defaultLanguage) {

	public LanguagesProperties {
		supported = List.copyOf(supported);
		if (supported.isEmpty()) {
			throw new IllegalArgumentException("listserv.languages.supported names no language");
		}
		if (supported.stream().map(Languages::normalise).noneMatch(Languages.normalise(defaultLanguage)::equals)) {
			throw new IllegalArgumentException("listserv.languages.default-language " + defaultLanguage
					+ " is not one of listserv.languages.supported " + supported);
		}
	}

}
