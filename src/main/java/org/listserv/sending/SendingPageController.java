package org.listserv.sending;

import jakarta.servlet.http.HttpServletRequest;

import org.listserv.composing.CampaignService;
import org.listserv.shared.Text;
import org.listserv.shared.ConflictException;
import org.listserv.shared.Texts;
import org.listserv.web.Confirmation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The send, pause, resume and cancel buttons of the campaign page; each goes back to the page. Send now and
 * Cancel sending wait for a confirmation ({@link Confirmation}): without one they change nothing and answer
 * with the confirmation page.
 */
@Controller
class SendingPageController {

	private final CampaignSending sending;

	private final SendNowConfirmation sendNow;

	private final CampaignService campaigns;

	private final Texts texts;

	SendingPageController(CampaignSending sending, SendNowConfirmation sendNow, CampaignService campaigns,
			Texts texts) {
		this.sending = sending;
		this.sendNow = sendNow;
		this.campaigns = campaigns;
		this.texts = texts;
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/send")
	String send(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes flash) {
		Confirmation confirmation = sendNow.sendNow(id);
		// nothing to confirm when the send would be refused anyway: the campaign page says why at the top
		boolean sendable = campaigns.get(id).status().editable() && campaigns.checklist(id).ready();
		if (sendable && !confirmation.givenIn(request)) {
			return confirmation.page(model);
		}
		return act(id, flash, "sending.done.started", () -> sending.send(id));
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "sending.done.paused", () -> sending.pause(id));
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "sending.done.resumed", () -> sending.resume(id));
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/cancel")
	String cancel(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes flash) {
		org.listserv.composing.Campaign c = campaigns.get(id);
		Confirmation confirmation = Confirmation
			.of(new Text("sending.cancel.question", c.subject()), "/admin/campaigns/" + id + "/cancel",
					"/admin/campaigns/" + id)
			.detail(new Text("sending.cancel.detail"))
			.button(new Text("sending.cancel.button"));
		boolean cancellable = c.status() != org.listserv.composing.CampaignStatus.SENT
				&& c.status() != org.listserv.composing.CampaignStatus.CANCELLED;
		if (cancellable && !confirmation.givenIn(request)) {
			return confirmation.page(model);
		}
		return act(id, flash, "sending.done.cancelled", () -> sending.cancel(id));
	}

	/** Runs the action and says how it went; {@code done} is the key of the notice. */
	private String act(long id, RedirectAttributes flash, String done, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("notice", texts.get(done));
		}
		catch (ConflictException | CampaignNotReadyException ex) {
			// why it did not happen is at the top of the page: open it there, not at the buttons
			flash.addFlashAttribute("error", texts.of(ex));
			return "redirect:/admin/campaigns/" + id;
		}
		return "redirect:/admin/campaigns/" + id + "#sending";
	}

}
