package org.listserv.subscriptions;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.ConflictException;
import org.listserv.shared.NotFoundException;
import org.listserv.web.Confirmation;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins send the confirmation request again: to one pending member at once, or to all pending members of a
 * list (throttled, see {@link PendingConfirmations}) after a confirmation ({@code web.Confirmation}) that shows
 * how many: the POST for all does nothing without {@code confirm=yes} but ask.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PendingConfirmationsPageController {

	private final PendingConfirmations confirmations;

	private final ListService lists;

	private final SubscriptionsProperties properties;

	PendingConfirmationsPageController(PendingConfirmations confirmations, ListService lists,
			SubscriptionsProperties properties) {
		this.confirmations = confirmations;
		this.lists = lists;
		this.properties = properties;
	}

	@PostMapping("/admin/lists/{slug}/members/resend-confirmation")
	String resendOne(@PathVariable String slug, @RequestParam String email, RedirectAttributes flash) {
		try {
			confirmations.resend(slug, email);
			flash.addFlashAttribute("notice", "Confirmation request queued again for " + email);
		}
		catch (ConflictException | NotFoundException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/lists/" + slug;
	}

	/** The question without JavaScript (the list page links here): the same page as an unconfirmed POST. */
	@GetMapping("/admin/lists/{slug}/pending/resend")
	String confirmAll(@PathVariable String slug, Model model, RedirectAttributes flash) {
		Confirmation confirmation = question(slug);
		return confirmation == null ? nobody(slug, flash) : confirmation.page(model);
	}

	@PostMapping("/admin/lists/{slug}/pending/resend")
	String resendAll(@PathVariable String slug, HttpServletRequest request, Model model, RedirectAttributes flash) {
		Confirmation confirmation = question(slug);
		if (confirmation == null) {
			return nobody(slug, flash);
		}
		if (!confirmation.givenIn(request)) {
			return confirmation.page(model);
		}
		int queued = confirmations.resendAll(slug);
		flash.addFlashAttribute("notice", queued == 0 ? "No pending member was waiting for a new confirmation request"
				: queued + (queued == 1 ? " confirmation request" : " confirmation requests") + " queued, at most "
						+ properties.importConfirmationsPerMinute() + " a minute");
		return "redirect:/admin/lists/" + slug;
	}

	/** What resending to all would do, as a question; null when nobody waits for a new request. */
	private Confirmation question(String slug) {
		MailingList list = lists.get(slug);
		ConfirmationRequests.Waiting waiting = confirmations.waiting(slug);
		long todo = waiting.pending() - waiting.due();
		if (todo <= 0) {
			return null;
		}
		return Confirmation
			.of("Send the confirmation request again to " + todo + (todo == 1 ? " pending member" : " pending members")
					+ " of " + list.name() + "?", "/admin/lists/" + slug + "/pending/resend", "/admin/lists/" + slug)
			.detail("Each gets a new link, at most " + properties.importConfirmationsPerMinute() + " a minute"
					+ (waiting.due() > 0 ? "; " + waiting.due() + " more already have one on its way" : "") + ".")
			.detail("People who left, were removed or were disabled get nothing.")
			.button("Send again to " + todo);
	}

	private String nobody(String slug, RedirectAttributes flash) {
		ConfirmationRequests.Waiting waiting = confirmations.waiting(slug);
		flash.addFlashAttribute("notice", "No pending member is waiting for a new confirmation request"
				+ (waiting.due() > 0 ? ": " + waiting.due() + " already have one on its way" : ""));
		return "redirect:/admin/lists/" + slug;
	}

}
