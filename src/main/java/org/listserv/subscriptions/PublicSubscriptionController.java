package org.listserv.subscriptions;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.FormErrors;
import org.listserv.web.PageLanguage;
import org.listserv.web.RateLimits;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages to join a list: {@code /lists}, {@code /subscribe/{slug}} (also posted to from forms
 * embedded on other sites, so no session CSRF token: abuse is held off by double opt-in, a honeypot field
 * and rate limits), and {@code /confirm/{token}}, where a GET only shows a button (mail scanners follow
 * links) and the POST confirms.
 * <p>
 * Languages: a page found on the web ({@code /lists}, {@code /subscribe/{slug}}) speaks the reader's explicit
 * choice, else their browser's language when we offer it, else the list's; a page reached from our mail
 * ({@code /confirm/{token}}) speaks the language that mail was in (the one the request asked for, else the
 * subscriber's own, else the list's).
 */
@Controller
class PublicSubscriptionController {

	/** The honeypot: a field people do not see and bots fill in. */
	static final String HONEYPOT = "website";

	private final ListService lists;

	private final SubscriptionService subscriptions;

	private final RateLimits limits;

	private final SubscriptionsProperties properties;

	private final Languages languages;

	private final Texts texts;

	private final SubscriptionNotices notices;

	PublicSubscriptionController(ListService lists, SubscriptionService subscriptions, RateLimits limits,
			SubscriptionsProperties properties, Languages languages, Texts texts, SubscriptionNotices notices) {
		this.languages = languages;
		this.texts = texts;
		this.notices = notices;
		this.lists = lists;
		this.subscriptions = subscriptions;
		this.limits = limits;
		this.properties = properties;
	}

	@GetMapping("/lists")
	String publicLists(Model model) {
		model.addAttribute("lists", lists.all().stream().filter(MailingList::publicList).toList());
		return "public/lists";
	}

	@GetMapping("/subscribe/{slug}")
	String form(@PathVariable String slug, HttpServletRequest request, Model model) {
		MailingList list = publicList(slug);
		listLanguage(list, request);
		form(list, "", "", null, model);
		return "public/subscribe";
	}

	@PostMapping("/subscribe/{slug}")
	String subscribe(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String language,
			@RequestParam(name = HONEYPOT, defaultValue = "") String trap, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		MailingList list = publicList(slug);
		listLanguage(list, request);
		if (!limits.tryAcquire("subscribe:" + request.getRemoteAddr(), properties.subscribePerClientPerMinute(),
				Duration.ofMinutes(1))) {
			response.setStatus(429);
			form(list, email, name, language, model);
			model.addAttribute("error", texts.get("subscriptions.error.too-many"));
			return "public/subscribe";
		}
		if (!trap.isEmpty()) {
			return "public/check-inbox"; // a bot: same answer, nothing done
		}
		try {
			subscriptions.requestSubscription(slug, email, name, language, PageLanguage.current(),
					Actor.anonymous(ConsentSource.WEB_FORM, request.getRemoteAddr(), null));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			String field = ex.field() == null ? "" : ex.field();
			String message = switch (field) {
				case "email" -> texts.get("subscriptions.error.email-invalid", email.strip());
				case "name" -> texts.get("subscriptions.error.name-invalid");
				default -> texts.of(ex);
			};
			Map<String, String> labels = Map.of("email", texts.get("subscriptions.field.email"), "name",
					texts.get("subscriptions.field.name"), "language", texts.get("subscriptions.field.language"));
			FormErrors errors = FormErrors.of("subscribe", new InvalidInputException(field, message), labels,
					Map.of("email", email, "name", name));
			form(list, email, name, language, model);
			model.addAttribute("errors", errors);
			model.addAttribute("error", labels.containsKey(field)
					? texts.get("subscriptions.error.correct", labels.get(field).toLowerCase(PageLanguage.current()))
					: message);
			return "public/subscribe";
		}
		return "public/check-inbox";
	}

	/** The form's model: the list, the values as typed, the language preselected, the consent as shown. */
	private void form(MailingList list, String email, String name, String language, Model model) {
		model.addAttribute("list", list);
		model.addAttribute("email", email);
		model.addAttribute("name", name);
		model.addAttribute("chosenLanguage", languages.find(language).orElse(PageLanguage.current()).toLanguageTag());
		model.addAttribute("consentText", notices.consentText(list, PageLanguage.current()));
	}

	/**
	 * A page found on the web: the list's language counts when the browser names no language we offer (an
	 * explicit choice, remembered, comes first anyway).
	 */
	private void listLanguage(MailingList list, HttpServletRequest request) {
		if (languages.fromAcceptLanguage(request.getHeader("Accept-Language")).isEmpty()) {
			PageLanguage.list(list.language());
		}
	}

	@GetMapping("/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model) {
		SubscriptionService.ConfirmResult result = subscriptions.inspect(token);
		tokenLanguage(token, result);
		model.addAttribute("result", result);
		model.addAttribute("token", token);
		if (result.list() != null) {
			model.addAttribute("consentText", notices.consentText(result.list(), PageLanguage.current()));
		}
		return "public/confirm";
	}

	@PostMapping("/confirm/{token}")
	String confirm(@PathVariable String token, HttpServletRequest request, Model model) {
		tokenLanguage(token, subscriptions.inspect(token));
		model.addAttribute("result", subscriptions.confirm(token,
				Actor.anonymous(ConsentSource.WEB_FORM, request.getRemoteAddr(), null), PageLanguage.current()));
		model.addAttribute("done", true);
		return "public/confirm";
	}

	/** A token page speaks the language of the mail that carried the token. */
	private void tokenLanguage(String token, SubscriptionService.ConfirmResult result) {
		PageLanguage.member(subscriptions.pageLanguage(token));
		if (result.list() != null) {
			PageLanguage.list(result.list().language());
		}
	}

	private MailingList publicList(String slug) {
		MailingList list = lists.get(slug);
		if (!list.publicList()) {
			throw new NotFoundException(new Text("subscriptions.error.no-list", slug));
		}
		return list;
	}

}
