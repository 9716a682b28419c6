package org.listserv.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * How long the upload check ({@link ImageCheck}) takes for the largest images it accepts, and that it fits in
 * a small heap: {@code make} writes PNG, JPEG and GIF images just under 40 million pixels (simple drawings, so
 * that they stay under 5 MB, as a real poster might) to {@code target/bench-media}; {@code check} checks each
 * one several times and prints the time. Not part of {@code verify}: run {@code bench/media-check-benchmark.sh}.
 */
public final class MediaCheckBenchmark {

	static final Path DIR = Path.of("target", "bench-media");

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("make")) {
			make();
			return;
		}
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		for (String format : new String[] { "png", "jpeg", "gif" }) {
			byte[] data = Files.readAllBytes(DIR.resolve("poster." + format));
			ImageCheck.Checked checked = null;
			long best = Long.MAX_VALUE;
			for (int i = 0; i < runs; i++) {
				long start = System.nanoTime();
				checked = ImageCheck.check(data, 40_000_000);
				best = Math.min(best, System.nanoTime() - start);
			}
			System.out.printf("%-4s %d x %d (%.1f MP), %,d bytes: best of %d checks %d ms, max heap %d MB%n", format,
					checked.width(), checked.height(), checked.width() * (double) checked.height() / 1e6, data.length,
					runs, best / 1_000_000, Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		// and the bomb: 45 bytes claiming 2.5 billion pixels
		long start = System.nanoTime();
		try {
			ImageCheck.check(TestImages.pngHeader(50_000, 50_000), 40_000_000);
		}
		catch (RuntimeException refused) {
			System.out.printf("bomb 50000 x 50000 refused in %.2f ms: %s%n", (System.nanoTime() - start) / 1e6,
					refused.getMessage());
		}
	}

	private static void make() throws Exception {
		Files.createDirectories(DIR);
		BufferedImage image = new BufferedImage(7300, 5470, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.DARK_GRAY);
		for (int i = 0; i < image.getWidth(); i += 120) {
			g.fillOval(i, (i * 7) % image.getHeight(), 400, 300);
		}
		g.dispose();
		for (String format : new String[] { "png", "jpeg", "gif" }) {
			ImageIO.write(image, format, DIR.resolve("poster." + format).toFile());
		}
	}

}
