package org.listserv.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Pattern;

import org.springframework.stereotype.Component;

/**
 * The languages offered ({@code listserv.languages.*}) and the rules for the tags people and scripts give:
 * BCP 47, compared by their language subtag ({@code es-MX} is served as {@code es}). Stored tags are
 * lower-case primary subtags such as {@code es}.
 */
@Component
public class Languages {

	private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

	private final List<Locale> supported;

	private final Locale fallback;

	public Languages(LanguagesProperties properties) {
		List<Locale> locales = new ArrayList<>();
		for (String tag : properties.supported()) {
			Locale locale = Locale.forLanguageTag(normalise(tag));
			if (!locales.contains(locale)) {
				locales.add(locale);
			}
		}
		this.supported = List.copyOf(locales);
		this.fallback = Locale.forLanguageTag(normalise(properties.defaultLanguage()));
	}

	/** The language subtag of a BCP 47 tag, lower case ({@code "ES-mx"} → {@code "es"}); "" when blank. */
	static String normalise(String tag) {
		if (tag == null || tag.isBlank()) {
			return "";
		}
		String t = tag.strip().replace('_', '-');
		int dash = t.indexOf('-');
		return (dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT);
	}

	/** The languages offered, the default first... in the configured order. */
	public List<Locale> supported() {
		return supported;
	}

	/** The language used when nothing else decides, and for any text missing in another language. */
	public Locale fallback() {
		return fallback;
	}

	/** The offered language a tag names, if it names one: {@code es-MX} → {@code es}. */
	public Optional<Locale> find(String tag) {
		if (tag == null || tag.length() > 35 || !TAG.matches(tag.strip())) {
			return Optional.empty();
		}
		Locale wanted = Locale.forLanguageTag(normalise(tag));
		return supported.contains(wanted) ? Optional.of(wanted) : Optional.empty();
	}

	/**
	 * A tag given in a request (API, CSV, form, command), as stored: an offered language's tag, or
	 * empty when the tag is blank (no preference). An unknown or malformed tag is refused, naming the field
	 * and the languages offered.
	 */
	public Optional<String> parse(String field, String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(find(tag)
			.orElseThrow(() -> new InvalidInputException(field, new Text("languages.error.unknown", tag.strip(),
					String.join(", ", supported.stream().map(Locale::toLanguageTag).toList()))))
			.toLanguageTag());
	}

	/** The offered language a stored tag names, else the fallback (a language no longer offered). */
	public Locale of(String storedTag) {
		return find(storedTag).orElse(fallback);
	}

	/** The first offered language among the ranges of an {@code Accept-Language} header, if any. */
	public Optional<Locale> fromAcceptLanguage(String header) {
		if (header == null || header.isBlank() || header.length() > 1000) {
			return Optional.empty();
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				if (range.getWeight() > 0) {
					Optional<Locale> found = find(range.getRange());
					if (found.isPresent()) {
						return found;
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// a malformed header says nothing
		}
		return Optional.empty();
	}

	/**
	 * A language's name in the language of the text it is put in ("1 member reads Spanish", "1 miembro lee
	 * inglés"), as a value of a {@link Text}: the bundle key {@code languages.name.<tag>}, else the language's
	 * own name ({@link #nameOf}).
	 */
	public static org.springframework.context.MessageSourceResolvable named(Locale language) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "languages.name." + language.toLanguageTag() }, null, nameOf(language));
	}

	/** A language's name in that language, as a switcher shows it: "English", "Español". */
	public static String nameOf(Locale language) {
		String name = language.getDisplayLanguage(language);
		return name.isEmpty() ? language.toLanguageTag() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
	}

}
