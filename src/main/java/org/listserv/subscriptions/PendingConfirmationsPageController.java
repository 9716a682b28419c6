package org.listserv.subscriptions;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.ConflictException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
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
class PendingConfirmationsPageController {

	private final PendingConfirmations confirmations;

	private final ListService lists;

	private final SubscriptionsProperties properties;

	private final Texts texts;

	PendingConfirmationsPageController(PendingConfirmations confirmations, ListService lists,
			SubscriptionsProperties properties, Texts texts) {
		this.texts = texts;
		this.confirmations = confirmations;
		this.lists = lists;
		this.properties = properties;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@PostMapping("/admin/lists/{slug}/members/resend-confirmation")
	String resendOne(@PathVariable String slug, @RequestParam String email, RedirectAttributes flash) {
		try {
			confirmations.resend(slug, email);
			flash.addFlashAttribute("notice", texts.get("members.resend.queued", email));
		}
		catch (ConflictException | NotFoundException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/lists/" + slug;
	}

	/** The question without JavaScript (the list page links here): the same page as an unconfirmed POST. */
	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@GetMapping("/admin/lists/{slug}/pending/resend")
	String confirmAll(@PathVariable String slug, Model model, RedirectAttributes flash) {
		Confirmation confirmation = question(slug);
		return confirmation == null ? nobody(slug, flash) : confirmation.page(model);
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
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
		flash.addFlashAttribute("notice", queued == 0 ? texts.get("members.resend-all.none-waited")
				: texts.get("members.resend-all.queued", queued, properties.importConfirmationsPerMinute()));
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
			.of(new Text("members.resend-all.question", todo, list.name()), "/admin/lists/" + slug + "/pending/resend",
					"/admin/lists/" + slug)
			.detail(waiting.due() > 0
					? new Text("members.resend-all.detail-due", properties.importConfirmationsPerMinute(), waiting.due())
					: new Text("members.resend-all.detail", properties.importConfirmationsPerMinute()))
			.detail(new Text("members.resend-all.nobody-else"))
			.button(new Text("members.resend-all.button", todo));
	}

	private String nobody(String slug, RedirectAttributes flash) {
		ConfirmationRequests.Waiting waiting = confirmations.waiting(slug);
		flash.addFlashAttribute("notice", waiting.due() > 0 ? texts.get("members.resend-all.none-due", waiting.due())
				: texts.get("members.resend-all.none"));
		return "redirect:/admin/lists/" + slug;
	}

}
