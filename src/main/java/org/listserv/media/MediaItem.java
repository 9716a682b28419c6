package org.listserv.media;

import java.time.OffsetDateTime;

/**
 * An image as the JSON API and the picker show it.
 *
 * @param url the absolute URL to put in mail
 * @param bytes the file's length
 */
record MediaItem(long id, String url, String filename, String contentType, int width, int height, int bytes,
		String uploadedBy, OffsetDateTime uploadedAt) {

	static MediaItem of(MediaFile f, String url) {
		return new MediaItem(f.id(), url, f.filename(), f.type().mimeType(), f.width(), f.height(), f.size(),
				f.uploadedBy(), f.uploadedAt());
	}

}
