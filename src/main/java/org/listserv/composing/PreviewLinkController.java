package org.listserv.composing;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.Texts;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where the links of a preview, a test message or the web version lead ({@link SampleLinks}): a public page
 * that says what the real link does, and changes nothing. A POST (a mail provider's one-click unsubscribe
 * of a test message) is answered the same way.
 */
@Controller
class PreviewLinkController {

	private final ListService lists;

	private final Texts texts;

	PreviewLinkController(ListService lists, Texts texts) {
		this.lists = lists;
		this.texts = texts;
	}

	@GetMapping(SampleLinks.PATH + "/{link:unsubscribe|preferences}/{slug}")
	String page(@PathVariable String link, @PathVariable String slug, Model model) {
		model.addAttribute("link", link);
		model.addAttribute("listName", lists.find(slug).map(MailingList::name).orElse(null));
		return "public/preview-link";
	}

	@PostMapping(SampleLinks.PATH + "/{link:unsubscribe|preferences}/{slug}")
	ResponseEntity<String> post(@PathVariable String link, @PathVariable String slug) {
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.body(texts.get("composing.preview-link.post") + "\n");
	}

}
