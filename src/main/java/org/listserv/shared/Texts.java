package org.listserv.shared;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The message bundles ({@code src/main/resources/i18n/*.properties}, one file per capability and
 * language), for texts written in Java: flash messages, replies, mail. Without a locale, in the language of
 * the request being answered ({@link LocaleContextHolder}); mail passes the reader's language.
 */
@Component("texts")
public class Texts {

	private final MessageSource messages;

	private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	public String get(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	public String get(Locale language, String key, Object... args) {
		return messages.getMessage(key, args, language);
	}

	public String get(MessageSourceResolvable text) {
		return messages.getMessage(text, LocaleContextHolder.getLocale());
	}

	public String get(Locale language, MessageSourceResolvable text) {
		return messages.getMessage(text, language);
	}

	/**
	 * The date or time pattern {@code key} ({@code format.date}, {@code format.datetime},
	 * {@code format.date-long}, ... in the common bundle) as {@code language} writes it, with that language's
	 * month names: "24 December 2026", "24 de diciembre de 2026".
	 */
	public DateTimeFormatter dateFormat(Locale language, String key) {
		return formatters.computeIfAbsent(language.toLanguageTag() + " " + key,
				k -> DateTimeFormatter.ofPattern(get(language, key), language));
	}

	/** What an exception says to the person: its {@link TextException#text()}, else its message. */
	public String of(Throwable ex) {
		return ex instanceof TextException t ? get(t.text()) : String.valueOf(ex.getMessage());
	}

}
