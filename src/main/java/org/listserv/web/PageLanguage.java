package org.listserv.web;

import java.util.Locale;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a public page knows of its reader's language, told by its controller before the page is rendered:
 * the member's own language on a token page ({@link #member}), else the list's ({@link #list}).
 * {@link LanguageResolver} weighs them after an explicit choice and before {@code Accept-Language}.
 */
public final class PageLanguage {

	static final String MEMBER = PageLanguage.class.getName() + ".member";

	static final String LIST = PageLanguage.class.getName() + ".list";

	private PageLanguage() {
	}

	/** The member's preferred language (a stored tag; null or blank: none). */
	public static void member(String tag) {
		set(MEMBER, tag);
	}

	/** The default language of the list the page is about (a stored tag). */
	public static void list(String tag) {
		set(LIST, tag);
	}

	/** The language the current request is answered in. */
	public static Locale current() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale();
	}

	private static void set(String attribute, String tag) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && tag != null && !tag.isBlank()) {
			request.setAttribute(attribute, tag, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
