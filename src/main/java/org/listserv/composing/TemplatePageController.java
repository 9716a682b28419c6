package org.listserv.composing;

import java.security.Principal;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Texts;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates page for staff and admins ({@code /admin/templates}: templates to rename or delete, and the
 * layout files that exist), and the editor's reuse actions: save as template, duplicate.
 */
@Controller
class TemplatePageController {

	private final CampaignReuse reuse;

	private final Layouts layouts;

	private final LayoutPreview layoutPreview;

	private final Texts texts;

	TemplatePageController(CampaignReuse reuse, Layouts layouts, LayoutPreview layoutPreview, Texts texts) {
		this.texts = texts;
		this.reuse = reuse;
		this.layouts = layouts;
		this.layoutPreview = layoutPreview;
	}

	@org.listserv.shared.AnyAccount("the organisation's templates, shared by every list")
	@GetMapping("/admin/templates")
	String templates(Model model) {
		model.addAttribute("templates", reuse.templates());
		model.addAttribute("layouts", layouts.names().stream().map(n -> new Layouts.Described(n, layouts.description(n))).toList());
		return "templates";
	}

	@org.listserv.shared.AnyAccount("the organisation's templates, shared by every list")
	@PostMapping("/admin/templates/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
		try {
			CampaignTemplate t = reuse.rename(id, name);
			flash.addFlashAttribute("notice", texts.get("composing.notice.template-renamed", t.name()));
		}
		catch (InvalidInputException | ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/templates";
	}

	@org.listserv.shared.AnyAccount("the organisation's templates, shared by every list")
	@PostMapping("/admin/templates/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes flash) {
		String name = reuse.template(id).name();
		reuse.delete(id);
		flash.addFlashAttribute("notice", texts.get("composing.notice.template-deleted", name));
		return "redirect:/admin/templates";
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.VIEW, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/save-as-template")
	String saveAsTemplate(@PathVariable long id, @RequestParam(defaultValue = "") String name, Principal user,
			RedirectAttributes flash) {
		try {
			CampaignTemplate t = reuse.saveAsTemplate(id, name, user.getName());
			flash.addFlashAttribute("notice", texts.get("composing.notice.template-saved", t.name()));
		}
		catch (InvalidInputException | ConflictException ex) {
			flash.addFlashAttribute("templateError", texts.of(ex));
			flash.addFlashAttribute("templateName", name);
			return "redirect:/admin/campaigns/" + id + "#reuse-h";
		}
		return "redirect:/admin/campaigns/" + id;
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/duplicate")
	String duplicate(@PathVariable long id, Principal user, RedirectAttributes flash) {
		Campaign copy = reuse.duplicate(id, user.getName());
		flash.addFlashAttribute("notice", texts.get("composing.notice.duplicated", String.valueOf(id)));
		return "redirect:/admin/campaigns/" + copy.id();
	}

	/** A layout with a sample body and sample values, as a page of its own (the same policy as the previews). */
	@org.listserv.shared.AnyAccount("the installation's layouts, with sample values")
	@GetMapping("/admin/templates/layouts/{name}/preview.html")
	@ResponseBody
	ResponseEntity<String> layout(@PathVariable String name) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Security-Policy", CampaignFrameController.POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(layoutPreview.render(name));
	}

}
