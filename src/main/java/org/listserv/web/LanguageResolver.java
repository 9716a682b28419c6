package org.listserv.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.listserv.shared.Languages;

import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of each page ({@code localeResolver}, so Thymeleaf's {@code #{...}}, {@link
 * org.listserv.shared.Texts} and the {@code lang} of every page follow it). In order:
 * <ol>
 * <li>{@code ?lang=xx} on the request (the language switcher), remembered in the {@code listserv-lang}
 * cookie for a year;</li>
 * <li>for a logged-in account: the language it chose on its account page;</li>
 * <li>the remembered choice (the cookie);</li>
 * <li>on public pages, what the controller told {@link PageLanguage}: the member's language on a token page,
 * else the list's;</li>
 * <li>the browser's {@code Accept-Language};</li>
 * <li>{@code listserv.languages.default-language}.</li>
 * </ol>
 * A tag that is not an offered language is ignored at every step.
 */
@Component("localeResolver")
public class LanguageResolver implements LocaleResolver, HandlerInterceptor {

	public static final String COOKIE = "listserv-lang";

	public static final String PARAMETER = "lang";

	private static final String ACCOUNT = LanguageResolver.class.getName() + ".account";

	private final Languages languages;

	private final AccountLanguages accounts;

	LanguageResolver(Languages languages, AccountLanguages accounts) {
		this.languages = languages;
		this.accounts = accounts;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return explicit(request)
			.or(() -> account(request))
			.or(() -> cookie(request))
			.or(() -> tag(request, PageLanguage.MEMBER))
			.or(() -> tag(request, PageLanguage.LIST))
			.or(() -> languages.fromAcceptLanguage(request.getHeader("Accept-Language")))
			.orElse(languages.fallback());
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, locale == null ? "" : locale.toLanguageTag())
			.path("/")
			.maxAge(locale == null ? Duration.ZERO : Duration.ofDays(365))
			.sameSite("Lax")
			.httpOnly(true)
			.secure(request.isSecure())
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	/** Remembers a language chosen with {@code ?lang=}: only an offered one. */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		explicit(request).ifPresent(locale -> {
			if (!locale.equals(cookie(request).orElse(null))) {
				setLocale(request, response, locale);
			}
		});
		return true;
	}

	private Optional<Locale> explicit(HttpServletRequest request) {
		return languages.find(request.getParameter(PARAMETER));
	}

	private Optional<Locale> cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (COOKIE.equals(c.getName())) {
					return languages.find(c.getValue());
				}
			}
		}
		return Optional.empty();
	}

	private Optional<Locale> tag(HttpServletRequest request, String attribute) {
		return request.getAttribute(attribute) instanceof String tag ? languages.find(tag) : Optional.empty();
	}

	/** The account's own language, asked once per request. */
	private Optional<Locale> account(HttpServletRequest request) {
		if (request.getAttribute(ACCOUNT) instanceof String cached) {
			return languages.find(cached);
		}
		String user = LayoutModel.currentUser();
		String tag = "";
		if (user != null) {
			try {
				tag = accounts.account(user).orElse("");
			}
			catch (DataAccessException ex) {
				// the outage page is shown in the browser's language
			}
		}
		request.setAttribute(ACCOUNT, tag);
		return languages.find(tag);
	}

}
