package org.listserv.subscriptions;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.Texts;
import org.listserv.web.PageLanguage;
import org.listserv.web.SignedTokens;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /unsubscribe/{token}}: a GET shows the buttons (leave this list, leave all); a POST leaves. A POST
 * whose body is {@code List-Unsubscribe=One-Click} (RFC 8058, sent by mail providers with no cookie and
 * no CSRF token) leaves and answers 200 in plain text. The signed token is the only credential. Pages speak
 * the member's own language, else the list's (after an explicit choice).
 */
@Controller
class UnsubscribeController {

	private final SignedTokens signed;

	private final ListService lists;

	private final SubscriptionService subscriptions;

	private final PreferencesService preferences;

	private final Texts texts;

	UnsubscribeController(SignedTokens signed, ListService lists, SubscriptionService subscriptions,
			PreferencesService preferences, Texts texts) {
		this.preferences = preferences;
		this.texts = texts;
		this.signed = signed;
		this.lists = lists;
		this.subscriptions = subscriptions;
	}

	@GetMapping("/unsubscribe/{token}")
	String page(@PathVariable String token, Model model) {
		Optional<long[]> ids = signed.verify(token, SubscriptionNotices.UNSUBSCRIBE);
		language(ids);
		model.addAttribute("valid", ids.isPresent());
		ids.flatMap(i -> lists.findById(i[1])).ifPresent(l -> model.addAttribute("list", l));
		model.addAttribute("token", token);
		return "public/unsubscribe";
	}

	@PostMapping(path = "/unsubscribe/{token}", params = "List-Unsubscribe")
	ResponseEntity<String> oneClick(@PathVariable String token,
			@RequestParam("List-Unsubscribe") String value, HttpServletRequest request) {
		Optional<long[]> ids = signed.verify(token, SubscriptionNotices.UNSUBSCRIBE);
		language(ids);
		if (!"One-Click".equals(value) || ids.isEmpty()) {
			return ResponseEntity.badRequest().contentType(PLAIN)
				.body(texts.get("subscriptions.unsubscribe.one-click-invalid") + "\n");
		}
		subscriptions.unsubscribe(ids.get()[0], ids.get()[1], actor(ids.get()[0], request));
		return ResponseEntity.ok().contentType(PLAIN).body(texts.get("subscriptions.unsubscribe.one-click") + "\n");
	}

	@PostMapping("/unsubscribe/{token}")
	String leave(@PathVariable String token, @RequestParam(defaultValue = "false") boolean all,
			HttpServletRequest request, Model model) {
		Optional<long[]> ids = signed.verify(token, SubscriptionNotices.UNSUBSCRIBE);
		language(ids);
		model.addAttribute("valid", ids.isPresent());
		model.addAttribute("token", token);
		if (ids.isPresent()) {
			if (all) {
				subscriptions.leaveAll(ids.get()[0], actor(ids.get()[0], request));
			}
			else {
				subscriptions.unsubscribe(ids.get()[0], ids.get()[1], actor(ids.get()[0], request));
			}
			Optional<MailingList> list = lists.findById(ids.get()[1]);
			list.ifPresent(l -> model.addAttribute("list", l));
			model.addAttribute("done", all ? "all" : "one");
		}
		return "public/unsubscribe";
	}

	private static final MediaType PLAIN = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

	/** The member's language, else the list's. */
	private void language(Optional<long[]> ids) {
		ids.ifPresent(i -> {
			PageLanguage.member(preferences.language(i[0]));
			lists.findById(i[1]).ifPresent(l -> PageLanguage.list(l.language()));
		});
	}

	/** The signed link was mailed to this subscriber: they act. */
	private static Actor actor(long subscriberId, HttpServletRequest request) {
		return Actor.subscriber(ConsentSource.WEB_FORM, subscriberId, request.getRemoteAddr(), null);
	}

}
