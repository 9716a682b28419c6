package org.listserv.subscriptions;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.listserv.lists.ListService;
import org.listserv.shared.Texts;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/lists/{slug}/approvals}: who waits to join an APPROVE list; admins approve or reject. */
@Controller
class ApprovalPageController {

	private final ListService lists;

	private final ApprovalService approvals;

	private final Texts texts;

	ApprovalPageController(ListService lists, ApprovalService approvals, Texts texts) {
		this.texts = texts;
		this.lists = lists;
		this.approvals = approvals;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@GetMapping("/admin/lists/{slug}/approvals")
	String queue(@PathVariable String slug, Model model) {
		model.addAttribute("list", lists.get(slug));
		model.addAttribute("waiting", approvals.waiting(slug));
		return "approvals";
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@PostMapping("/admin/lists/{slug}/approvals")
	String decide(@PathVariable String slug, @RequestParam String email, @RequestParam boolean approve,
			Principal me, HttpServletRequest request, RedirectAttributes flash) {
		Actor actor = Actor.staff(ConsentSource.ADMIN, me.getName(), request.getRemoteAddr());
		if (approve) {
			approvals.approve(slug, email, actor);
		}
		else {
			approvals.reject(slug, email, actor);
		}
		flash.addFlashAttribute("notice", texts.get(approve ? "members.approvals.approved" : "members.approvals.rejected", email));
		return "redirect:/admin/lists/" + slug + "/approvals";
	}

}
