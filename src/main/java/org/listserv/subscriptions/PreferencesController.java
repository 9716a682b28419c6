package org.listserv.subscriptions;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.PageLanguage;
import org.listserv.web.RateLimits;
import org.listserv.web.Confirmation;
import org.listserv.web.SignedTokens;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /preferences}: asks for an address and mails its link (the same answer whatever the address);
 * {@code /preferences/{token}}: one subscriber's lists, name, language and delivery modes, in the
 * subscriber's own language (after an explicit choice).
 */
@Controller
class PreferencesController {

	private final SignedTokens signed;

	private final PreferencesService preferences;

	private final SubscriptionService subscriptions;

	private final RateLimits limits;

	private final SubscriptionsProperties properties;

	private final Texts texts;

	PreferencesController(SignedTokens signed, PreferencesService preferences, SubscriptionService subscriptions,
			RateLimits limits, SubscriptionsProperties properties, Texts texts) {
		this.texts = texts;
		this.signed = signed;
		this.preferences = preferences;
		this.subscriptions = subscriptions;
		this.limits = limits;
		this.properties = properties;
	}

	@GetMapping("/preferences")
	String ask() {
		return "public/preferences-ask";
	}

	@PostMapping("/preferences")
	String sendLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!limits.tryAcquire("preferences:" + request.getRemoteAddr(), properties.subscribePerClientPerMinute(),
				Duration.ofMinutes(1))) {
			response.setStatus(429);
			model.addAttribute("error", texts.get("subscriptions.error.too-many"));
			return "public/preferences-ask";
		}
		preferences.sendLink(email);
		model.addAttribute("sent", true);
		return "public/preferences-ask";
	}

	@GetMapping("/preferences/{token}")
	String page(@PathVariable String token, Model model) {
		long subscriber = subscriber(token);
		if (subscriber < 0) {
			return "public/preferences-invalid";
		}
		var prefs = preferences.load(subscriber);
		PageLanguage.member(prefs.language());
		model.addAttribute("prefs", prefs);
		model.addAttribute("token", token);
		model.addAttribute("modes", DeliveryMode.values());
		return "public/preferences";
	}

	@PostMapping("/preferences/{token}/{action}")
	String change(@PathVariable String token, @PathVariable String action,
			@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "REGULAR") DeliveryMode mode,
			@RequestParam(defaultValue = "false") boolean ownPosts, @RequestParam(defaultValue = "") String language,
			HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes flash) {
		long subscriber = subscriber(token);
		if (subscriber < 0) {
			return "public/preferences-invalid";
		}
		PageLanguage.member(preferences.language(subscriber));
		if (action.equals("leave-all")) {
			Confirmation confirmation = leaveAllConfirmation(token, subscriber);
			if (!confirmation.givenIn(request)) {
				// the page's Cancel link carries the token: no Referer takes it elsewhere
				response.setHeader("Referrer-Policy", "no-referrer");
				return confirmation.page(model);
			}
		}
		// the signed link was mailed to this subscriber: they act
		Actor actor = Actor.subscriber(ConsentSource.WEB_FORM, subscriber, request.getRemoteAddr(), null);
		try {
			switch (action) {
				case "join" -> preferences.join(subscriber, slug, actor);
				case "leave" -> preferences.leave(subscriber, slug, actor);
				case "leave-all" -> subscriptions.leaveAll(subscriber, actor);
				case "name" -> preferences.rename(subscriber, name);
				case "language" -> preferences.setLanguage(subscriber, language);
				case "mode" -> preferences.setMode(subscriber, slug, mode);
				case "own-posts" -> preferences.setOwnPosts(subscriber, slug, ownPosts);
				default -> throw new InvalidInputException("action", new Text("subscriptions.error.action"));
			}
			// after a change of language, "Saved" in the language now chosen (unless the reader chose one here)
			PageLanguage.member(preferences.language(subscriber));
			flash.addFlashAttribute("notice", texts.get("subscriptions.preferences.saved"));
		}
		catch (InvalidInputException | org.listserv.shared.NotFoundException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/preferences/" + token;
	}

	/** The lists the subscriber is on (or waiting for), named, before they leave them all. */
	private Confirmation leaveAllConfirmation(String token, long subscriber) {
		var prefs = preferences.load(subscriber);
		var names = prefs.rows().stream().filter(PreferencesService.Row::member).map(r -> r.list().name()).toList();
		Confirmation confirmation = Confirmation
			.of(texts.get("subscriptions.preferences.leave-all.title"), "/preferences/" + token + "/leave-all",
					"/preferences/" + token)
			.detail(texts.get("subscriptions.preferences.leave-all.address"), prefs.email())
			.detail(names.isEmpty() ? texts.get("subscriptions.preferences.leave-all.none")
					: texts.get("subscriptions.preferences.leave-all.from", String.join(", ", names)))
			.detail(texts.get("subscriptions.preferences.leave-all.again"))
			.button(texts.get("subscriptions.preferences.leave-all"))
			.publicPage();
		return confirmation;
	}

	private long subscriber(String token) {
		return signed.verify(token, SubscriptionNotices.PREFERENCES).map(ids -> ids[0]).orElse(-1L);
	}

}
