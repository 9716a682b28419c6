package org.listserv.media;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library as JSON, for staff and admins: {@code /api/media} (HTTP Basic, for scripts) and the same
 * answers at {@code /admin/media} for a page's script that asks for JSON (the session and its CSRF token,
 * as the picker, {@code media-picker.js}, does).
 */
@RestController
class MediaApiController {

	private final MediaService media;

	MediaApiController(MediaService media) {
		this.media = media;
	}

	@org.listserv.shared.AnyAccount("the organisation's image library, shared by every list")
	@GetMapping(path = { "/api/media", "/admin/media" }, produces = MediaType.APPLICATION_JSON_VALUE)
	List<MediaItem> all() {
		return media.all().stream().map(f -> MediaItem.of(f, media.url(f))).toList();
	}

	@org.listserv.shared.AnyAccount("the organisation's image library, shared by every list")
	@GetMapping("/api/media/{id}")
	MediaItem one(@PathVariable long id) {
		MediaFile f = media.get(id);
		return MediaItem.of(f, media.url(f));
	}

	/** Uploads one image (multipart field {@code file}); the same bytes again answer with the stored image. */
	@org.listserv.shared.AnyAccount("the organisation's image library, shared by every list")
	@PostMapping(path = { "/api/media", "/admin/media" }, consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MediaItem> upload(@RequestParam(name = "file", required = false) MultipartFile file,
			Principal user) throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", new Text("media.error.no-file"));
		}
		MediaFile f;
		try (var in = file.getInputStream()) {
			f = media.upload(file.getOriginalFilename(), file.getSize(), in, user.getName());
		}
		return ResponseEntity.created(URI.create("/api/media/" + f.id())).body(MediaItem.of(f, media.url(f)));
	}

	/**
	 * Deletes an image: 409 while a campaign that went out (or may go out) shows it, and also while a draft
	 * does, unless {@code confirm=true} says the caller knows.
	 */
	@org.listserv.shared.AnyAccount("the organisation's image library, shared by every list")
	@DeleteMapping("/api/media/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm) {
		media.delete(id, confirm);
		return ResponseEntity.noContent().build();
	}

}
