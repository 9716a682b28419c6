package org.listserv.lists;

import java.util.HashMap;
import java.util.Map;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.Confirmation;
import org.listserv.web.FormErrors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lists overview ({@code /admin/lists}) and the forms that create, change and delete a list. The list
 * page itself, with its members, belongs to subscriptions.
 */
@Controller
class ListPageController {

	/** The labels of the new-list form's fields, for its errors. */
	static final Map<String, String> CREATE_LABELS = Map.of("name", "Name", "slug", "Short name", "description",
			"Description", "language", "Language");

	/** The labels of the settings form's fields (on the list page), for its errors. */
	static final Map<String, String> SETTINGS_LABELS = Map.ofEntries(Map.entry("name", "Name"),
			Map.entry("description", "Description"), Map.entry("fromName", "From name"),
			Map.entry("fromAddress", "From address"), Map.entry("replyTo", "Reply-To"), Map.entry("footer", "Footer"),
			Map.entry("consentText", "Consent text"), Map.entry("bounceThreshold", "Bounce threshold"),
			Map.entry("language", "Language"));

	private final ListService service;

	private final MemberCounts counts;

	private final Texts texts;

	private final org.listserv.accounts.ListAccess access;

	ListPageController(ListService service, MemberCounts counts, Texts texts, org.listserv.accounts.ListAccess access) {
		this.access = access;
		this.service = service;
		this.counts = counts;
		this.texts = texts;
	}

	@org.listserv.shared.AnyAccount("lists only the lists the caller holds a role on")
	@GetMapping("/admin/lists")
	String overview(Model model) {
		model.addAttribute("lists", access.visible(service.all(), MailingList::id));
		model.addAttribute("counts", counts.countsByList());
		model.addAttribute("kinds", ListKind.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ListRequest("", "", "INFORMATIONAL", "", "", "", "", "", "", ""));
		}
		return "lists";
	}

	@PostMapping("/admin/lists")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@ModelAttribute("form") ListRequest form, Model model, RedirectAttributes flash) {
		try {
			MailingList list = service.create(form);
			flash.addFlashAttribute("notice", texts.get("lists.new.created", list.name()));
			return "redirect:/admin/lists/" + list.slug();
		}
		catch (InvalidInputException ex) {
			FormErrors errors = FormErrors.of("new-list", ex, createLabels(), typed(form));
			model.addAttribute("createErrors", errors);
			model.addAttribute("error", errors.summary());
			return overview(model);
		}
		catch (ConflictException ex) {
			FormErrors errors = FormErrors.of("new-list", new InvalidInputException("slug", texts.of(ex)),
					createLabels(), typed(form));
			model.addAttribute("createErrors", errors);
			model.addAttribute("error", errors.summary());
			return overview(model);
		}
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.SETTINGS)
	@PostMapping("/admin/lists/{slug}/settings")
	String update(@PathVariable String slug, @ModelAttribute ListRequest form, RedirectAttributes flash) {
		try {
			service.update(slug, form);
			flash.addFlashAttribute("notice", texts.get("lists.settings.saved"));
		}
		catch (InvalidInputException ex) {
			FormErrors errors = FormErrors.of("settings", ex, labels(SETTINGS_LABELS), typed(form));
			flash.addFlashAttribute("settingsErrors", errors);
			flash.addFlashAttribute("error", errors.summary());
			return "redirect:/admin/lists/" + slug + "#settings-h";
		}
		return "redirect:/admin/lists/" + slug;
	}

	/** The labels of the new-list form's fields in the reader's language, for its errors. */
	private Map<String, String> createLabels() {
		return labels(CREATE_LABELS);
	}

	/** The labels of a form's fields in the reader's language ({@code lists.field.<field>}). */
	private Map<String, String> labels(Map<String, String> fields) {
		Map<String, String> labels = new HashMap<>();
		fields.keySet().forEach(field -> labels.put(field, texts.get("lists.field." + field)));
		return labels;
	}

	/** The text fields of a list form as typed, to show them again with its errors. */
	static Map<String, String> typed(ListRequest f) {
		Map<String, String> values = new HashMap<>();
		values.put("slug", f.slug());
		values.put("name", f.name());
		values.put("description", f.description());
		values.put("fromName", f.fromName());
		values.put("fromAddress", f.fromAddress());
		values.put("replyTo", f.replyTo());
		values.put("footer", f.footer());
		values.put("consentText", f.consentText());
		values.put("language", f.language());
		values.put("bounceThreshold", f.bounceThreshold() == null ? null : f.bounceThreshold().toPlainString());
		return values;
	}

	@PostMapping("/admin/lists/{slug}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable String slug, HttpServletRequest request, Model model, RedirectAttributes flash) {
		MailingList list = service.get(slug);
		String name = list.name();
		long active = counts.countsByList().getOrDefault(list.id(), java.util.Map.of()).getOrDefault("ACTIVE", 0L);
		Confirmation confirmation = Confirmation
			.of(new Text("lists.delete.question", name), "/admin/lists/" + slug + "/delete", "/admin/lists/" + slug)
			.detail(new Text("lists.delete.list"), name + " (" + slug + ")")
			.detail(new Text("lists.delete.active"),
					java.text.NumberFormat.getIntegerInstance(org.springframework.context.i18n.LocaleContextHolder.getLocale()).format(active))
			.detail(new Text("lists.delete.detail"))
			.button(new Text("lists.delete.button"));
		if (!confirmation.givenIn(request)) {
			return confirmation.page(model);
		}
		service.delete(slug);
		flash.addFlashAttribute("notice", texts.get("lists.delete.done", name));
		return "redirect:/admin/lists";
	}


}
