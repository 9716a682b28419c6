package org.listserv.posting;

import java.security.Principal;
import java.util.Locale;

import org.listserv.lists.ListService;
import org.listserv.web.ConflictException;
import org.listserv.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/lists/{slug}/moderation}: the posts held for a list, each with the rules' verdicts; ADMIN and
 * STAFF approve, approve and always accept the sender, reject with a reason, or discard.
 */
@Controller
class ModerationPageController {

	private final ListService lists;

	private final ModerationService moderation;

	ModerationPageController(ListService lists, ModerationService moderation) {
		this.lists = lists;
		this.moderation = moderation;
	}

	@GetMapping("/admin/lists/{slug}/moderation")
	String queue(@PathVariable String slug, Model model) {
		model.addAttribute("list", lists.get(slug));
		model.addAttribute("held", moderation.held(slug));
		return "moderation";
	}

	@PostMapping("/admin/lists/{slug}/moderation/{id}")
	String decide(@PathVariable String slug, @PathVariable long id, @RequestParam String action,
			@RequestParam(required = false) String reason, Principal me, RedirectAttributes flash) {
		ModerationService.Action a;
		try {
			a = ModerationService.Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("action", "Unknown action: approve, always, reject or discard");
		}
		if (a == ModerationService.Action.REJECT && (reason == null || reason.isBlank())) {
			flash.addFlashAttribute("error", "Give the author a reason to reject post " + id);
			return "redirect:/admin/lists/" + slug + "/moderation";
		}
		try {
			flash.addFlashAttribute("notice", "Post " + id + " " + moderation.decide(slug, id, a,
					reason == null ? null : reason.strip(), me.getName()));
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/lists/" + slug + "/moderation";
	}

}
