package org.listserv.composing;

import java.util.ArrayList;
import java.util.List;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Texts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's versions in other languages: add or change one ({@code POST .../versions}), remove one. Each
 * saves the campaign's whole set of versions through {@link CampaignService#update}, so the same checks
 * apply as in the API.
 */
@Controller
class CampaignVersionPageController {

	private final CampaignService service;

	private final Texts texts;

	CampaignVersionPageController(CampaignService service, Texts texts) {
		this.service = service;
		this.texts = texts;
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/versions")
	String save(@PathVariable long id, @RequestParam String language, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String preheader, @RequestParam(defaultValue = "") String body,
			RedirectAttributes flash) {
		List<CampaignVersion> versions = new ArrayList<>(service.versions(id));
		versions.removeIf(v -> v.language().equalsIgnoreCase(language.strip()));
		versions.add(new CampaignVersion(language, subject, preheader, body));
		return change(id, versions, "composing.versions.saved", flash);
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/versions/{language}/remove")
	String remove(@PathVariable long id, @PathVariable String language, RedirectAttributes flash) {
		List<CampaignVersion> versions = new ArrayList<>(service.versions(id));
		versions.removeIf(v -> v.language().equalsIgnoreCase(language));
		return change(id, versions, "composing.versions.removed", flash);
	}

	private String change(long id, List<CampaignVersion> versions, String done, RedirectAttributes flash) {
		try {
			service.update(id, new CampaignRequest(null, null, null, null, null, null, null, null, null, null, null,
					null, versions));
			flash.addFlashAttribute("notice", texts.get(done));
		}
		catch (InvalidInputException | ConflictException | TemplateSyntaxException | ChecklistFailedException ex) {
			flash.addFlashAttribute("error", texts.get("composing.versions.not-saved", texts.of(ex)));
		}
		return "redirect:/admin/campaigns/" + id + "#versions";
	}

}
