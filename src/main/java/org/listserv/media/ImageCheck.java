package org.listserv.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

/**
 * Whether uploaded bytes are an image the library takes: the type from the magic bytes, the dimensions from
 * the header (ImageReader, before any pixel is decoded), no more than the configured number of pixels, and
 * then a decoding of the whole file at a coarse subsampling (a few hundred pixels across, so little memory)
 * to make sure it is an image a mail client can show and not just a plausible header.
 */
final class ImageCheck {

	/** What an accepted image is. */
	record Checked(ImageType type, int width, int height) {
	}

	/** The width and height the verifying decode aims at: enough to read every byte, little memory. */
	private static final int PROBE = 256;

	private ImageCheck() {
	}

	static Checked check(byte[] data, long maxPixels) {
		ImageType type = ImageType.sniff(data).orElseThrow(() -> new InvalidInputException("file",
				new Text(data.length > 0 && looksLikeSvg(data) ? "media.error.svg" : "media.error.not-an-image")));
		// in memory: ImageIO's default stream would copy the upload to a temporary file first
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
			ImageReader reader = reader(type);
			try {
				// ignoring metadata also skips PNG's compressed text chunks, which would otherwise be inflated
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0) {
					throw unreadable(type);
				}
				if ((long) width * height > maxPixels) {
					// the dimensions as strings: people read them as 9000 × 9000, without a thousands separator
					throw new InvalidInputException("file", new Text("media.error.too-many-pixels",
							String.valueOf(width), String.valueOf(height), maxPixels / 1_000_000.0));
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / PROBE);
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage probe = reader.read(0, param);
				if (probe == null) {
					throw unreadable(type);
				}
				return new Checked(type, width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw unreadable(type);
		}
	}

	private static ImageReader reader(ImageType type) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
		if (!readers.hasNext()) {
			throw new InvalidInputException("file", new Text("media.error.no-reader", type.name()));
		}
		return readers.next();
	}

	private static InvalidInputException unreadable(ImageType type) {
		return new InvalidInputException("file", new Text("media.error.damaged", type.name()));
	}

	/** An SVG (or other XML) file: text that opens with "<" after optional white space or a byte-order mark. */
	private static boolean looksLikeSvg(byte[] data) {
		String head = new String(data, 0, Math.min(data.length, 512), java.nio.charset.StandardCharsets.UTF_8)
			.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT);
		return head.startsWith("<") && head.contains("<svg") || head.startsWith("<svg");
	}

}
