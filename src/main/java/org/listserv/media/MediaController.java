package org.listserv.media;

import java.time.Duration;

import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The images at their public address, {@code /media/{id}/{filename}}, without login: mail clients and the web
 * version load them. An image never changes under its address (a new upload gets a new id), so browsers and
 * proxies may keep it for a year; its ETag is the sha256 of its bytes. The name in the address is only for
 * people: the id decides.
 */
@RestController
class MediaController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaService media;

	private final Texts texts;

	MediaController(MediaService media, Texts texts) {
		this.media = media;
		this.texts = texts;
	}

	@GetMapping("/media/{id}/{filename}")
	ResponseEntity<byte[]> image(@PathVariable String id, @PathVariable String filename, WebRequest request) {
		MediaFile file = media.get(parse(id));
		String etag = "\"" + file.sha256() + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOREVER).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type().mimeType()))
			.cacheControl(FOREVER)
			.eTag(etag)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", ContentDisposition.inline().filename(file.filename()).build().toString())
			.body(media.content(file.id()));
	}

	/** A plain 404 (no page around it: whoever asks is most likely a mail client). */
	@ExceptionHandler
	ResponseEntity<String> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(texts.of(ex));
	}

	private static long parse(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException(new Text("media.error.no-address"));
		}
	}

}
