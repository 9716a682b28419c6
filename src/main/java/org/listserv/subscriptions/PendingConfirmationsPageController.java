package org.listserv.subscriptions;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.ConflictException;
import org.listserv.shared.NotFoundException;

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
 * list (throttled, see {@link PendingConfirmations}) after a confirmation page that shows how many. The POST
 * for all does nothing without {@code confirmed=yes}: it sends the browser to that page instead.
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

	@GetMapping("/admin/lists/{slug}/pending/resend")
	String confirmAll(@PathVariable String slug, Model model) {
		MailingList list = lists.get(slug);
		model.addAttribute("list", list);
		model.addAttribute("waiting", confirmations.waiting(slug));
		model.addAttribute("perMinute", properties.importConfirmationsPerMinute());
		return "resend-confirmations";
	}

	@PostMapping("/admin/lists/{slug}/pending/resend")
	String resendAll(@PathVariable String slug, @RequestParam(defaultValue = "") String confirmed,
			RedirectAttributes flash) {
		if (!"yes".equals(confirmed)) {
			return "redirect:/admin/lists/" + slug + "/pending/resend";
		}
		int queued = confirmations.resendAll(slug);
		flash.addFlashAttribute("notice", queued == 0 ? "No pending member was waiting for a new confirmation request"
				: queued + (queued == 1 ? " confirmation request" : " confirmation requests") + " queued, at most "
						+ properties.importConfirmationsPerMinute() + " a minute");
		return "redirect:/admin/lists/" + slug;
	}

}
