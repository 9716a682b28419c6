package org.listserv.composing;

import java.security.Principal;
import java.util.Set;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Campaign HTML as a page of its own: the public web version ({@code /archive/{slug}/{id}}, no personal
 * data, once the campaign is going out; staff see it earlier) and the editor's preview frames. Mail HTML
 * carries its own styles, so these answers have their own policy: no scripts, no plug-ins, sandboxed,
 * framable by our own pages only (CSP {@code frame-ancestors 'self'}, which browsers obey over the
 * {@code X-Frame-Options: DENY} that Spring Security adds to every page).
 */
@Controller
class CampaignFrameController {

	static final String POLICY = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; "
			+ "font-src https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; "
			+ "sandbox allow-popups allow-popups-to-escape-sandbox";

	private static final Set<CampaignStatus> PUBLISHED = Set.of(CampaignStatus.SENDING, CampaignStatus.PAUSED,
			CampaignStatus.SENT);

	private final CampaignService service;

	private final CampaignPreviews previews;

	private final org.listserv.lists.ListService lists;

	private final org.listserv.web.Times times;

	private final org.listserv.shared.Texts texts;

	CampaignFrameController(CampaignService service, CampaignPreviews previews, org.listserv.lists.ListService lists,
			org.listserv.web.Times times, org.listserv.shared.Texts texts) {
		this.texts = texts;
		this.lists = lists;
		this.times = times;
		this.service = service;
		this.previews = previews;
	}

	@GetMapping("/archive/{slug}/{id}")
	@ResponseBody
	ResponseEntity<String> archive(@PathVariable String slug, @PathVariable long id,
			@RequestParam(required = false) String lang, Principal user) {
		Campaign c;
		try {
			c = service.get(id);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException(new Text("composing.error.not-in-archive"));
		}
		if (!c.list().equals(slug) || (user == null && !PUBLISHED.contains(c.status())) || !service.isStaffCampaign(id)) {
			throw new NotFoundException(new Text("composing.error.not-in-archive"));
		}
		return framed(MediaType.TEXT_HTML, previews.webVersion(c, lang));
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.VIEW, via = "campaign")
	@GetMapping("/admin/campaigns/{id}/preview.html")
	@ResponseBody
	ResponseEntity<String> html(@PathVariable long id, @RequestParam(required = false) String email,
			@RequestParam(required = false) String lang) {
		return framed(MediaType.TEXT_HTML, previews.preview(service.get(id), email, lang).html());
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.VIEW, via = "campaign")
	@GetMapping("/admin/campaigns/{id}/preview.txt")
	@ResponseBody
	ResponseEntity<String> text(@PathVariable long id, @RequestParam(required = false) String email,
			@RequestParam(required = false) String lang) {
		return framed(MediaType.TEXT_PLAIN, previews.preview(service.get(id), email, lang).text());
	}

	/**
	 * The editor's form as it stands, rendered without saving (the live preview): a form posted into the
	 * preview frame. A template error is shown in the frame instead of the message.
	 */
	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.VIEW, via = "campaign")
	@PostMapping("/admin/campaigns/{id}/preview-draft")
	@ResponseBody
	ResponseEntity<String> draft(@PathVariable long id, @ModelAttribute CampaignForm form,
			@RequestParam(defaultValue = "desktop") String view, @RequestParam(required = false) String email) {
		Campaign current = service.get(id);
		try {
			Campaign draft = service.unsaved(current,
					form.toRequest(current.list(), CampaignService.isAction(lists.get(current.list())), times,
							texts.get("composing.label.expires-time")));
			CampaignPreviews.Preview preview = previews.preview(draft, email);
			return "text".equals(view) ? framed(MediaType.TEXT_PLAIN, preview.text())
					: framed(MediaType.TEXT_HTML, preview.html());
		}
		catch (TemplateSyntaxException | InvalidInputException | NotFoundException ex) {
			return framed(MediaType.TEXT_PLAIN, texts.get("composing.preview.not-previewed", texts.of(ex)));
		}
	}

	private static ResponseEntity<String> framed(MediaType type, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Security-Policy", POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
