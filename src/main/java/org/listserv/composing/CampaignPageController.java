package org.listserv.composing;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.Confirmation;
import org.listserv.web.Times;

import jakarta.servlet.http.HttpServletRequest;
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
 * phone, text), the checklist, test send and schedule. Scripts only improve it (the live preview, the visual
 * editor); without them the preview shows the saved campaign and the visual body is a textarea of HTML. A
 * campaign that has gone out (or is going) shows its results and the message read-only, not the editor.
 */
@Controller
class CampaignPageController {

	private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[,;\\s]+");

	private final CampaignService service;

	private final CampaignPreviews previews;

	private final ListService lists;

	private final Layouts layouts;

	private final ObjectProvider<CampaignProgress> progress;

	private final ObjectProvider<SendConfirmations> sendConfirmations;

	private final Times times;

	private final CampaignReuse reuse;

	private final VersionCounts versionCounts;

	private final Texts texts;

	private final org.listserv.accounts.ListAccess access;

	CampaignPageController(CampaignService service, CampaignPreviews previews, ListService lists, Layouts layouts,
			ObjectProvider<CampaignProgress> progress, ObjectProvider<SendConfirmations> sendConfirmations, Times times,
			CampaignReuse reuse, VersionCounts versionCounts, Texts texts, org.listserv.accounts.ListAccess access) {
		this.access = access;
		this.texts = texts;
		this.versionCounts = versionCounts;
		this.service = service;
		this.sendConfirmations = sendConfirmations;
		this.times = times;
		this.reuse = reuse;
		this.progress = progress;
		this.previews = previews;
		this.lists = lists;
		this.layouts = layouts;
	}

	@org.listserv.shared.AnyAccount("lists only the campaigns of the lists the caller holds a role on")
	@GetMapping("/admin/campaigns")
	String all(Model model) {
		model.addAttribute("lists", lists.all().stream()
			.filter(l -> access.may(l.slug(), org.listserv.shared.ListPermission.SEND)).toList());
		model.addAttribute("campaigns", access.visible(service.search(null, null), Campaign::listId));
		return "campaigns-all";
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.VIEW)
	@GetMapping("/admin/lists/{slug}/campaigns")
	String campaigns(@PathVariable String slug, Model model) {
		MailingList list = lists.get(slug);
		model.addAttribute("list", list);
		model.addAttribute("campaigns", service.search(slug, null));
		model.addAttribute("layouts", layouts.names());
		model.addAttribute("templates", reuse.templates());
		return "campaigns";
	}

	/** A new draft, blank or (with {@code template}, a template's id) from a template. */
	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.SEND)
	@PostMapping("/admin/lists/{slug}/campaigns")
	String create(@PathVariable String slug, @RequestParam(defaultValue = "") String subject,
			@RequestParam(required = false) String layout, @RequestParam(required = false) String format,
			@RequestParam(defaultValue = "") String template, Principal user, Model model, RedirectAttributes flash) {
		try {
			Campaign c = template.isBlank()
					? service.create(new CampaignRequest(slug, subject, null, null, layout, format, null, null, null,
							null, null, null), user.getName())
					: reuse.startFrom(templateId(template), slug, subject, user.getName());
			flash.addFlashAttribute("notice",
					texts.get(template.isBlank() ? "composing.notice.created" : "composing.notice.created-from-template"));
			return "redirect:/admin/campaigns/" + c.id();
		}
		catch (InvalidInputException | NotFoundException | TemplateSyntaxException ex) {
			model.addAttribute("error", texts.of(ex));
			model.addAttribute("typedSubject", subject);
			return campaigns(slug, model);
		}
	}

	private static long templateId(String raw) {
		try {
			return Long.parseLong(raw.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("template", new Text("composing.error.no-such-template"));
		}
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.VIEW, via = "campaign")
	@GetMapping("/admin/campaigns/{id}")
	String editor(@PathVariable long id, @RequestParam(defaultValue = "desktop") String view,
			@RequestParam(required = false) String email, Model model, HttpServletResponse response) {
		Campaign c = service.get(id);
		CampaignProgress p = progress.getIfAvailable();
		model.addAttribute("progress", p == null ? null : p.progress(id).orElse(null));
		model.addAttribute("perVersion", versionCounts.of(c));
		model.addAttribute("versions", service.versions(id));
		model.addAttribute("versionLanguages", service.languagesWithoutVersion(c));
		model.addAttribute("ownLanguage", org.listserv.shared.Languages.nameOf(
				java.util.Locale.forLanguageTag(service.defaultLanguage(c))));
		if (c.status() == CampaignStatus.SENDING && response != null) {
			// the progress bar follows the send without a script (strict CSP): the page reloads itself
			response.setHeader("Refresh", "5");
		}
		MailingList list = lists.get(c.list());
		model.addAttribute("campaign", c);
		model.addAttribute("readOnly", !c.status().editable());
		model.addAttribute("list", list);
		SendConfirmations confirmations = sendConfirmations.getIfAvailable();
		if (c.status().editable() && confirmations != null) {
			// what Send now's dialog asks: list, recipients now, subject
			model.addAttribute("sendConfirm", confirmations.sendNow(id));
		}
		model.addAttribute("action", CampaignService.isAction(list));
		model.addAttribute("layouts", layouts.names());
		model.addAttribute("priorities", Arrays.asList(CampaignPriority.values()));
		model.addAttribute("view", List.of("desktop", "phone", "text").contains(view) ? view : "desktop");
		model.addAttribute("email", email == null ? "" : email.strip());
		model.addAttribute("scheduledAt", times.input(c.scheduledAt()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CampaignForm.of(c, times));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		try {
			Checklist checklist = previews.checklist(c);
			model.addAttribute("checklist", checklist);
			// what blocks the send, for the top of the page: the failed checks that are errors
			model.addAttribute("blocking", checklist.items().stream()
				.filter(i -> !i.passed() && i.severity() == Checklist.Severity.ERROR).toList());
		}
		catch (TemplateSyntaxException | InvalidInputException ex) {
			model.addAttribute("error", texts.of(ex));
		}
		return "campaign";
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}")
	String save(@PathVariable long id, @ModelAttribute("form") CampaignForm form, Model model, RedirectAttributes flash) {
		Campaign c = service.get(id);
		try {
			service.update(id, form.toRequest(c.list(), CampaignService.isAction(lists.get(c.list())), times,
					texts.get("composing.label.expires-time")));
			flash.addFlashAttribute("notice", texts.get("composing.notice.saved"));
			return "redirect:/admin/campaigns/" + id;
		}
		catch (InvalidInputException ex) {
			return refused(id, ex.field(), texts.of(ex), model);
		}
		catch (TemplateSyntaxException ex) {
			return refused(id, ex.field(), texts.of(ex), model);
		}
		catch (ConflictException | ChecklistFailedException ex) {
			return refused(id, null, texts.of(ex), model);
		}
	}

	/**
	 * The editor again with what was typed: the error beside its field when the form has that field (the
	 * message names it by its label), else at the top of the page.
	 */
	private String refused(long id, String field, String message, Model model) {
		if (CampaignFields.inForm(field)) {
			model.addAttribute("fieldErrors", Map.of(field, message));
			model.addAttribute("formError", texts.get("composing.edit.not-saved-see", CampaignFields.label(field)));
		}
		else {
			model.addAttribute("formError", texts.get("composing.versions.not-saved", message));
		}
		return editor(id, "desktop", null, model, null);
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/test")
	String test(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String as,
			@RequestParam(required = false) String language, Principal user, RedirectAttributes flash) {
		try {
			List<String> addresses = Arrays.stream(ADDRESS_SEPARATORS.split(to)).filter(s -> !s.isBlank()).toList();
			CampaignPreviews.TestSend sent = previews.testSend(service.get(id), addresses, as, user.getName(), language);
			// queued, not sent: the outbox hands it to the relay after the commit, and may have to retry
			flash.addFlashAttribute("notice", sent.renderedAs() == null
					? texts.get("composing.notice.test-queued-sample", String.join(", ", sent.to()))
					: texts.get("composing.notice.test-queued-as", String.join(", ", sent.to()), sent.renderedAs()));
			flash.addFlashAttribute("noticeLink", sent.outboxIds().size() == 1 ? "/admin/outbox/" + sent.outboxIds().get(0)
					: "/admin/outbox?kind=" + org.listserv.mail.OutboxEntry.CAMPAIGN_TEST);
			flash.addFlashAttribute("noticeLinkText", texts.get("composing.notice.test-outbox-link"));
			flash.addFlashAttribute("testAs", as);
		}
		catch (InvalidInputException | TemplateSyntaxException | NotFoundException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
			flash.addFlashAttribute("testAs", as);
		}
		return "redirect:/admin/campaigns/" + id + "#test-h";
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/schedule")
	String schedule(@PathVariable long id, @RequestParam(required = false) String scheduledAt,
			@RequestParam(defaultValue = "SCHEDULED") String status, RedirectAttributes flash) {
		try {
			boolean draft = status.equals("DRAFT");
			service.update(id, new CampaignRequest(null, null, null, null, null, null, null, null,
					draft ? null : times.parse("scheduledAt", texts.get("composing.label.send-time"), scheduledAt), null,
					null, draft ? "DRAFT" : "SCHEDULED"));
			flash.addFlashAttribute("notice", texts.get(draft ? "composing.notice.back-to-draft" : "composing.notice.scheduled"));
		}
		catch (InvalidInputException | ConflictException | ChecklistFailedException | TemplateSyntaxException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/campaigns/" + id;
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/delete")
	String delete(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes flash) {
		Campaign c = service.get(id);
		Confirmation confirmation = Confirmation
			.of(new Text("composing.delete.question", c.subject()), "/admin/campaigns/" + id + "/delete",
					"/admin/campaigns/" + id)
			.detail(new Text("composing.delete.list"), lists.get(c.list()).name())
			.detail(new Text("composing.delete.detail"))
			.button(new Text("composing.delete.button"));
		if (c.status().editable() && !confirmation.givenIn(request)) {
			return confirmation.page(model);
		}
		try {
			service.delete(id);
			flash.addFlashAttribute("notice", texts.get("composing.notice.deleted"));
			return "redirect:/admin/lists/" + c.list() + "/campaigns";
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
			return "redirect:/admin/campaigns/" + id;
		}
	}

}
