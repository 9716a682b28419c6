package org.listserv.mail;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/outbox}: every notice and test send with what became of it, newest first, by state; one
 * notice at {@code /admin/outbox/{id}}. Admins see everything; staff see the test sends only (the other
 * notices are subscribers' mail), which is what the feedback of their test send links to. The JSON twin is
 * {@link OutboxApiController}, with the same rule.
 */
@Controller
class OutboxPageController {

	static final int PAGE_SIZE = 50;

	private final Outbox outbox;

	OutboxPageController(Outbox outbox) {
		this.outbox = outbox;
	}

	@org.listserv.shared.AnyAccount("an account sees its own test sends; admins everything")
	@GetMapping("/admin/outbox")
	String page(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
		boolean admin = isAdmin(user);
		String shownKind = admin ? blankToNull(kind) : OutboxEntry.CAMPAIGN_TEST;
		model.addAttribute("entries", outbox.page(state(state), shownKind, page, PAGE_SIZE));
		model.addAttribute("state", state == null ? "" : state.strip().toUpperCase(Locale.ROOT));
		model.addAttribute("kind", shownKind == null ? "" : shownKind);
		model.addAttribute("states", Arrays.asList(OutboxState.values()));
		model.addAttribute("testsOnly", !admin);
		return "outbox";
	}

	@org.listserv.shared.AnyAccount("an account sees its own test sends; admins everything")
	@GetMapping("/admin/outbox/{id}")
	String one(@PathVariable long id, Authentication user, Model model, HttpServletResponse response) {
		OutboxEntry entry = visible(outbox, id, user);
		if (entry.state() == OutboxState.PENDING || entry.state() == OutboxState.RETRYING) {
			// follows the message without a script (strict CSP), as the campaign page follows a send
			response.setHeader("Refresh", "10");
		}
		model.addAttribute("entry", entry);
		return "outbox-entry";
	}

	static OutboxEntry visible(Outbox outbox, long id, Authentication user) {
		return outbox.find(id)
			.filter(e -> isAdmin(user) || OutboxEntry.CAMPAIGN_TEST.equals(e.kind()))
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("mail.outbox.error.no-entry", String.valueOf(id))));
	}

	static OutboxState state(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return OutboxState.valueOf(raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("state", new org.listserv.shared.Text("mail.outbox.error.state"));
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static boolean isAdmin(Authentication user) {
		return user != null && user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

}
