package org.listserv.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.listserv.lists.ListKind;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.lists.PostingPolicy;
import org.listserv.lists.SubscriptionPolicy;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.Confirmation;
import org.listserv.web.FormErrors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list page (settings and members) and a member's consent history. */
@Controller
class MemberPageController {

	private static final int PAGE_SIZE = 50;

	/** The bundle keys (under members.) of the add-member form's fields' labels, for its errors. */
	private static final Map<String, String> ADD_LABELS = Map.of("email", "email", "name", "name");

	private final ListService lists;

	private final MemberService members;

	private final MemberImporter importer;

	private final MemberExporter exporter;

	private final org.listserv.web.WebProperties web;

	private final org.listserv.mail.MailProperties mail;

	private final PendingConfirmations confirmations;

	private final SubscriptionsProperties properties;

	private final Texts texts;

	private final Languages languages;

	private final org.listserv.accounts.ListAccess access;

	MemberPageController(ListService lists, MemberService members, MemberImporter importer, MemberExporter exporter,
			org.listserv.web.WebProperties web, org.listserv.mail.MailProperties mail,
			PendingConfirmations confirmations, SubscriptionsProperties properties, Texts texts, Languages languages,
			org.listserv.accounts.ListAccess access) {
		this.access = access;
		this.languages = languages;
		this.texts = texts;
		this.confirmations = confirmations;
		this.properties = properties;
		this.web = web;
		this.mail = mail;
		this.lists = lists;
		this.members = members;
		this.importer = importer;
		this.exporter = exporter;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.VIEW)
	@GetMapping("/admin/lists/{slug}")
	String list(@PathVariable String slug, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		MailingList list = lists.get(slug);
		model.addAttribute("list", list);
		model.addAttribute("members", members.page(slug, status, q, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("statuses", MembershipStatus.values());
		model.addAttribute("kinds", ListKind.values());
		model.addAttribute("subscriptionPolicies", SubscriptionPolicy.values());
		model.addAttribute("postingPolicies", PostingPolicy.values());
		model.addAttribute("baseUrl", web.base());
		model.addAttribute("mailDomain", mail.domain());
		model.addAttribute("waiting", confirmations.waiting(slug));
		model.addAttribute("confirmationsPerMinute", properties.importConfirmationsPerMinute());
		model.addAttribute("snippet", """
				<form method="post" action="%s/subscribe/%s">
				  <label>%s <input type="email" name="email" required></label>
				  <label>%s <input name="name"></label>
				  <div style="position:absolute;left:-10000px" aria-hidden="true"><input name="website" tabindex="-1"></div>
				  <button type="submit">%s</button>
				</form>""".formatted(web.base(), list.slug(), snippet(list, "members.snippet.email"),
				snippet(list, "members.snippet.name"), snippet(list, "members.snippet.join", list.name())));
		return "list";
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@PostMapping("/admin/lists/{slug}/members")
	String add(@PathVariable String slug, @RequestParam String email, @RequestParam(defaultValue = "") String name,
			Principal me, HttpServletRequest request, RedirectAttributes flash) {
		try {
			var added = members.add(slug, email, name, Map.of(),
					Actor.staff(ConsentSource.ADMIN, me.getName(), request.getRemoteAddr()));
			flash.addFlashAttribute("notice", texts.get(added.created() ? "members.add.added" : "members.add.active", added.member().email()));
		}
		catch (InvalidInputException | ConflictException ex) {
			InvalidInputException invalid = ex instanceof InvalidInputException i ? i
					: new InvalidInputException("email", texts.of(ex));
			FormErrors errors = FormErrors.of("add-member", invalid, labels(ADD_LABELS), Map.of("email", email, "name", name));
			flash.addFlashAttribute("memberErrors", errors);
			flash.addFlashAttribute("error", errors.summary());
			return "redirect:/admin/lists/" + slug + "#members-h";
		}
		return "redirect:/admin/lists/" + slug;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@PostMapping("/admin/lists/{slug}/members/remove")
	String remove(@PathVariable String slug, @RequestParam String email, Principal me, HttpServletRequest request,
			Model model, RedirectAttributes flash) {
		MailingList list = lists.get(slug);
		Confirmation confirmation = Confirmation
			.of(new Text("members.remove.question", email, list.name()), "/admin/lists/" + slug + "/members/remove",
					"/admin/lists/" + slug)
			.field("email", email)
			.detail(new Text("members.remove.detail"))
			.button(new Text("members.remove.button"));
		if (!confirmation.givenIn(request)) {
			return confirmation.page(model);
		}
		members.remove(slug, email, Actor.staff(ConsentSource.ADMIN, me.getName(), request.getRemoteAddr()));
		flash.addFlashAttribute("notice", texts.get("members.remove.done", email));
		return "redirect:/admin/lists/" + slug;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@PostMapping("/admin/lists/{slug}/import")
	String importCsv(@PathVariable String slug, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "ACTIVE") String mode, Principal me, HttpServletRequest request,
			RedirectAttributes flash) throws IOException {
		try (InputStream in = file.getInputStream()) {
			ImportResult result = importer.importCsv(slug, in, MemberApiController.mode(mode),
					Actor.staff(ConsentSource.IMPORT, me.getName(), request.getRemoteAddr()));
			flash.addFlashAttribute("importResult", result);
			if (MemberApiController.mode(mode) == ImportMode.PENDING) {
				flash.addFlashAttribute("importConfirmations", result.imported());
			}
			flash.addFlashAttribute("importFile", file.getOriginalFilename());
		}
		catch (InvalidInputException ex) {
			FormErrors errors = FormErrors.of("import", ex, labels(Map.of("file", "import.file")), Map.of());
			flash.addFlashAttribute("importErrors", errors);
			flash.addFlashAttribute("error", texts.get("members.import.failed", texts.of(ex)));
			return "redirect:/admin/lists/" + slug + "#import-h";
		}
		return "redirect:/admin/lists/" + slug;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@GetMapping("/admin/lists/{slug}/export")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String slug,
			@RequestParam(required = false) String status) {
		return MemberApiController.csv(slug, exporter.export(slug, status));
	}

	@org.listserv.shared.AnyAccount("shows a subscriber only on the lists the caller holds a role on")
	@GetMapping("/admin/subscribers/{id}")
	String history(@PathVariable long id, Model model) {
		// the history on the lists the caller holds a role on; someone on none of them does not exist for them
		var events = access.visible(members.history(id), e -> e.listId());
		if (events.isEmpty() && access.visibleLists().isPresent()) {
			throw new org.listserv.shared.NotFoundException(
					new org.listserv.shared.Text("subscriptions.member.error.no-subscriber", String.valueOf(id)));
		}
		Map<Long, MailingList> listsById = new LinkedHashMap<>();
		events.forEach(e -> listsById.computeIfAbsent(e.listId(), k -> lists.findById(k).orElse(null)));
		model.addAttribute("email", members.emailOf(id));
		model.addAttribute("events", events);
		model.addAttribute("lists", listsById);
		return "subscriber";
	}

	/** A word of the sign-up snippet, in the list's language (its visitors read it, not the admin), escaped. */
	private String snippet(MailingList list, String key, Object... args) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(texts.get(languages.of(list.language()), key, args), "UTF-8");
	}

	/** Field labels in the reader's language: each field's key under {@code members.}. */
	private Map<String, String> labels(Map<String, String> keys) {
		Map<String, String> labels = new LinkedHashMap<>();
		keys.forEach((field, key) -> labels.put(field, texts.get("members." + key)));
		return labels;
	}

}
