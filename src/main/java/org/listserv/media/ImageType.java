package org.listserv.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of image the media library takes, each known by its first bytes (never by the file's name or the
 * browser's word for it). SVG is not among them: it can carry scripts.
 */
public enum ImageType {

	PNG("image/png", "png", "png"), JPEG("image/jpeg", "jpg", "jpeg"), GIF("image/gif", "gif", "gif"),
	WEBP("image/webp", "webp", "webp");

	private final String mimeType;

	private final String extension;

	private final String formatName;

	ImageType(String mimeType, String extension, String formatName) {
		this.mimeType = mimeType;
		this.extension = extension;
		this.formatName = formatName;
	}

	public String mimeType() {
		return mimeType;
	}

	/** The extension a stored file name gets, whatever the uploaded name said. */
	String extension() {
		return extension;
	}

	/** The ImageIO format name of the readers for this type. */
	String formatName() {
		return formatName;
	}

	/** The type whose signature {@code head} starts with, if any. */
	static Optional<ImageType> sniff(byte[] head) {
		if (startsWith(head, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return Optional.of(PNG);
		}
		if (startsWith(head, 0, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
			return Optional.of(GIF);
		}
		if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
		return data.length >= offset + prefix.length
				&& Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

}
