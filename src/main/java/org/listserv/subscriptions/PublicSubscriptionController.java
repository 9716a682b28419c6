package org.listserv.subscriptions;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.web.FormErrors;
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
 */
@Controller
class PublicSubscriptionController {

	/** The honeypot: a field people do not see and bots fill in. */
	static final String HONEYPOT = "website";

	private final ListService lists;

	private final SubscriptionService subscriptions;

	private final RateLimits limits;

	private final SubscriptionsProperties properties;

	PublicSubscriptionController(ListService lists, SubscriptionService subscriptions, RateLimits limits,
			SubscriptionsProperties properties) {
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
	String form(@PathVariable String slug, Model model) {
		model.addAttribute("list", publicList(slug));
		return "public/subscribe";
	}

	@PostMapping("/subscribe/{slug}")
	String subscribe(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, @RequestParam(name = HONEYPOT, defaultValue = "") String trap,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		MailingList list = publicList(slug);
		model.addAttribute("list", list);
		if (!limits.tryAcquire("subscribe:" + request.getRemoteAddr(), properties.subscribePerClientPerMinute(),
				Duration.ofMinutes(1))) {
			response.setStatus(429);
			model.addAttribute("email", email);
			model.addAttribute("name", name);
			model.addAttribute("error", "Too many requests from your network. Please wait a minute and try again.");
			return "public/subscribe";
		}
		if (!trap.isEmpty()) {
			return "public/check-inbox"; // a bot: same answer, nothing done
		}
		try {
			subscriptions.requestSubscription(slug, email, name,
					Actor.anonymous(ConsentSource.WEB_FORM, request.getRemoteAddr(), null));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			FormErrors errors = FormErrors.of("subscribe", ex, java.util.Map.of("email", "Email", "name", "Name"),
					java.util.Map.of("email", email, "name", name));
			model.addAttribute("email", email);
			model.addAttribute("name", name);
			model.addAttribute("errors", errors);
			model.addAttribute("error", errors.summary());
			return "public/subscribe";
		}
		return "public/check-inbox";
	}

	@GetMapping("/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model) {
		model.addAttribute("result", subscriptions.inspect(token));
		model.addAttribute("token", token);
		return "public/confirm";
	}

	@PostMapping("/confirm/{token}")
	String confirm(@PathVariable String token, HttpServletRequest request, Model model) {
		model.addAttribute("result", subscriptions.confirm(token,
				Actor.anonymous(ConsentSource.WEB_FORM, request.getRemoteAddr(), null)));
		model.addAttribute("done", true);
		return "public/confirm";
	}

	private MailingList publicList(String slug) {
		MailingList list = lists.get(slug);
		if (!list.publicList()) {
			throw new NotFoundException("No public list '" + slug + "'");
		}
		return list;
	}

}
