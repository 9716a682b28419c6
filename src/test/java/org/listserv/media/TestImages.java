package org.listserv.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images for the tests, each with different pixels (the library stores the same bytes once). */
final class TestImages {

	private TestImages() {
	}

	/** An image of this ImageIO format ("png", "jpeg", "gif") and size, with random pixels. */
	static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalArgumentException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A 1 × 1 lossless WebP (the JDK writes none). */
	static byte[] webp() {
		return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
	}

	/**
	 * A PNG whose header says {@code width} × {@code height} with no pixel data behind it: a decompression
	 * bomb's header (a real one is a few kilobytes of zeros that unpack to gigabytes).
	 */
	static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(png, "IHDR", ihdr.array());
		chunk(png, "IEND", new byte[0]);
		return png.array();
	}

	private static void chunk(ByteBuffer out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.putInt(data.length).put(name).put(data).putInt((int) crc.getValue());
	}

}
