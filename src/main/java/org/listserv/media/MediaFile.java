package org.listserv.media;

import java.time.OffsetDateTime;

/**
 * An image of the media library, without its bytes.
 *
 * @param filename the sanitised name, also the last segment of its public URL
 * @param size the file's length in bytes
 * @param sha256 of the bytes: the same bytes are stored once, and it is the ETag they are served with
 */
public record MediaFile(long id, String filename, ImageType type, int size, String sha256, int width, int height,
		String uploadedBy, OffsetDateTime uploadedAt) {

	/** The path the image is served at, relative to the base URL: {@code /media/{id}/{filename}}. */
	public String path() {
		return "/media/" + id + "/" + filename;
	}

	/** What a campaign's body contains when it shows this image, whatever base URL the link was written with. */
	String pathPrefix() {
		return "/media/" + id + "/";
	}

}
