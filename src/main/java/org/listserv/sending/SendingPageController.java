package org.listserv.sending;

import org.listserv.shared.ConflictException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The send, pause, resume and cancel buttons of the campaign page; each goes back to the page. */
@Controller
class SendingPageController {

	private final CampaignSending sending;

	SendingPageController(CampaignSending sending) {
		this.sending = sending;
	}

	@PostMapping("/admin/campaigns/{id}/send")
	String send(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "Sending started", () -> sending.send(id));
	}

	@PostMapping("/admin/campaigns/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "Paused after the messages in flight", () -> sending.pause(id));
	}

	@PostMapping("/admin/campaigns/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "Sending resumed", () -> sending.resume(id));
	}

	@PostMapping("/admin/campaigns/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "Cancelled: nothing more will be sent", () -> sending.cancel(id));
	}

	private static String act(long id, RedirectAttributes flash, String done, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("notice", done);
		}
		catch (ConflictException | CampaignNotReadyException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/campaigns/" + id + "#sending";
	}

}
