package org.listserv.composing;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import com.google.re2j.Pattern;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The composing pages for staff and admins: a list's campaigns, and the editor with the preview (desktop,
 * phone, text), the checklist, test send and schedule. No scripts: the preview shows the saved campaign.
 */
@Controller
class CampaignPageController {

	private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[,;\\s]+");

	private final CampaignService service;

	private final CampaignPreviews previews;

	private final ListService lists;

	private final Layouts layouts;

	private final ObjectProvider<CampaignProgress> progress;

	CampaignPageController(CampaignService service, CampaignPreviews previews, ListService lists, Layouts layouts,
			ObjectProvider<CampaignProgress> progress) {
		this.service = service;
		this.progress = progress;
		this.previews = previews;
		this.lists = lists;
		this.layouts = layouts;
	}

	@GetMapping("/admin/campaigns")
	String all(Model model) {
		model.addAttribute("lists", lists.all());
		model.addAttribute("campaigns", service.search(null, null));
		return "campaigns-all";
	}

	@GetMapping("/admin/lists/{slug}/campaigns")
	String campaigns(@PathVariable String slug, Model model) {
		MailingList list = lists.get(slug);
		model.addAttribute("list", list);
		model.addAttribute("campaigns", service.search(slug, null));
		model.addAttribute("layouts", layouts.names());
		return "campaigns";
	}

	@PostMapping("/admin/lists/{slug}/campaigns")
	String create(@PathVariable String slug, @RequestParam String subject, @RequestParam(required = false) String layout,
			@RequestParam(required = false) String format, Principal user, Model model, RedirectAttributes flash) {
		try {
			Campaign c = service.create(new CampaignRequest(slug, subject, null, null, layout, format, null, null, null,
					null, null, null), user.getName());
			flash.addFlashAttribute("notice", "Draft created");
			return "redirect:/admin/campaigns/" + c.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			return campaigns(slug, model);
		}
	}

	@GetMapping("/admin/campaigns/{id}")
	String editor(@PathVariable long id, @RequestParam(defaultValue = "desktop") String view,
			@RequestParam(required = false) String email, Model model, HttpServletResponse response) {
		Campaign c = service.get(id);
		CampaignProgress p = progress.getIfAvailable();
		model.addAttribute("progress", p == null ? null : p.progress(id).orElse(null));
		if (c.status() == CampaignStatus.SENDING && response != null) {
			// the progress bar follows the send without a script (strict CSP): the page reloads itself
			response.setHeader("Refresh", "5");
		}
		MailingList list = lists.get(c.list());
		model.addAttribute("campaign", c);
		model.addAttribute("list", list);
		model.addAttribute("action", CampaignService.isAction(list));
		model.addAttribute("layouts", layouts.names());
		model.addAttribute("priorities", Arrays.asList(CampaignPriority.values()));
		model.addAttribute("view", List.of("desktop", "phone", "text").contains(view) ? view : "desktop");
		model.addAttribute("email", email == null ? "" : email.strip());
		model.addAttribute("scheduledAt", CampaignForm.local(c.scheduledAt()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CampaignForm.of(c));
		}
		try {
			model.addAttribute("checklist", previews.checklist(c));
		}
		catch (TemplateSyntaxException | InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "campaign";
	}

	@PostMapping("/admin/campaigns/{id}")
	String save(@PathVariable long id, @ModelAttribute("form") CampaignForm form, Model model, RedirectAttributes flash) {
		Campaign c = service.get(id);
		try {
			service.update(id, form.toRequest(c.list(), CampaignService.isAction(lists.get(c.list()))));
			flash.addFlashAttribute("notice", "Saved");
			return "redirect:/admin/campaigns/" + id;
		}
		catch (TemplateSyntaxException | InvalidInputException | ConflictException | ChecklistFailedException ex) {
			model.addAttribute("formError", ex.getMessage());
			return editor(id, "desktop", null, model, null);
		}
	}

	@PostMapping("/admin/campaigns/{id}/test")
	String test(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String as,
			Principal user, RedirectAttributes flash) {
		try {
			List<String> addresses = Arrays.stream(ADDRESS_SEPARATORS.split(to)).filter(s -> !s.isBlank()).toList();
			CampaignPreviews.TestSend sent = previews.testSend(service.get(id), addresses, as, user.getName());
			// queued, not sent: the outbox hands it to the relay after the commit, and may have to retry
			flash.addFlashAttribute("notice", "Test queued for " + String.join(", ", sent.to())
					+ (sent.renderedAs() == null ? ", with sample values" : ", as " + sent.renderedAs())
					+ ". It is not sent yet:");
			flash.addFlashAttribute("noticeLink", sent.outboxIds().size() == 1 ? "/admin/outbox/" + sent.outboxIds().get(0)
					: "/admin/outbox?kind=" + org.listserv.mail.OutboxEntry.CAMPAIGN_TEST);
			flash.addFlashAttribute("noticeLinkText", "see what became of it in the outbox");
			flash.addFlashAttribute("testAs", as);
		}
		catch (InvalidInputException | TemplateSyntaxException | NotFoundException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
			flash.addFlashAttribute("testAs", as);
		}
		return "redirect:/admin/campaigns/" + id + "#test-h";
	}

	@PostMapping("/admin/campaigns/{id}/schedule")
	String schedule(@PathVariable long id, @RequestParam(required = false) String scheduledAt,
			@RequestParam(defaultValue = "SCHEDULED") String status, RedirectAttributes flash) {
		try {
			boolean draft = status.equals("DRAFT");
			service.update(id, new CampaignRequest(null, null, null, null, null, null, null, null,
					draft ? null : CampaignForm.utc("scheduledAt", scheduledAt), null, null, draft ? "DRAFT" : "SCHEDULED"));
			flash.addFlashAttribute("notice", draft ? "Back to draft" : "Scheduled");
		}
		catch (InvalidInputException | ConflictException | ChecklistFailedException | TemplateSyntaxException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/campaigns/" + id;
	}

	@PostMapping("/admin/campaigns/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes flash) {
		Campaign c = service.get(id);
		try {
			service.delete(id);
			flash.addFlashAttribute("notice", "Campaign deleted");
			return "redirect:/admin/lists/" + c.list() + "/campaigns";
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
			return "redirect:/admin/campaigns/" + id;
		}
	}

}
