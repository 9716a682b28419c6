package org.listserv.media;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.PayloadTooLargeException;
import org.listserv.shared.Texts;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/media}, for staff and admins: the images, an upload form (post, redirect, get: the result at
 * the top), and deleting, which first shows a confirmation page saying which campaigns show the image; the
 * server deletes only a confirmed request, and never an image that a campaign that went out shows.
 */
@Controller
class MediaPageController {

	private final MediaService media;

	private final MediaProperties properties;

	private final Texts texts;

	MediaPageController(MediaService media, MediaProperties properties, Texts texts) {
		this.media = media;
		this.properties = properties;
		this.texts = texts;
	}

	@org.listserv.shared.AnyAccount("the organisation's image library, shared by every list")
	@GetMapping(path = "/admin/media", produces = MediaType.TEXT_HTML_VALUE)
	String library(Model model) {
		model.addAttribute("files", media.all().stream().map(f -> MediaItem.of(f, media.url(f))).toList());
		model.addAttribute("maxSize", texts.get(MediaService.size(properties.maxSize().toBytes())));
		return "media";
	}

	@org.listserv.shared.AnyAccount("the organisation's image library, shared by every list")
	@PostMapping(path = "/admin/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.TEXT_HTML_VALUE)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal user,
			RedirectAttributes flash) throws IOException {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			flash.addFlashAttribute("error", texts.get("media.upload.choose-first"));
			return "redirect:/admin/media";
		}
		try (InputStream in = file.getInputStream()) {
			MediaFile f = media.upload(file.getOriginalFilename(), file.getSize(), in, user.getName());
			flash.addFlashAttribute("notice", texts.get("media.upload.done", f.filename(), String.valueOf(f.width()),
					String.valueOf(f.height()), media.url(f)));
			flash.addFlashAttribute("uploaded", f.id());
		}
		catch (InvalidInputException | PayloadTooLargeException ex) {
			flash.addFlashAttribute("error", texts.get("media.upload.refused", texts.of(ex)));
		}
		return "redirect:/admin/media";
	}

	/**
	 * Deletes after confirmation: without {@code confirm} (the Delete button of the library) it shows what
	 * deleting means and asks; an image that a campaign that went out shows is refused with 409 either way.
	 */
	@org.listserv.shared.AnyAccount("the organisation's image library, shared by every list")
	@PostMapping("/admin/media/{id}/delete")
	ModelAndView delete(@PathVariable long id, @RequestParam(required = false) String confirm,
			RedirectAttributes flash) {
		MediaFile file = media.get(id);
		MediaUsage usage = media.usage(file);
		if (usage.deletable() && "yes".equals(confirm)) {
			try {
				media.delete(id, true);
				flash.addFlashAttribute("notice", texts.get("media.delete.done", file.filename()));
				return new ModelAndView("redirect:/admin/media");
			}
			catch (ConflictException ex) {
				// a campaign was scheduled meanwhile: say so on the confirmation page
				usage = media.usage(file);
			}
		}
		ModelAndView page = new ModelAndView("media-delete");
		page.addObject("file", MediaItem.of(file, media.url(file)));
		page.addObject("keeping", usage.keeping().stream().map(c -> texts.get(MediaUsage.describe(c))).toList());
		page.addObject("drafts", usage.drafts().stream().map(c -> texts.get(MediaUsage.subject(c))).toList());
		if (!usage.deletable()) {
			page.setStatus(HttpStatus.CONFLICT);
			page.addObject("error", texts.get(usage.refusal(file)));
		}
		else if (!usage.drafts().isEmpty()) {
			page.addObject("warning", texts.get(usage.draftWarning(file)));
		}
		return page;
	}

}
