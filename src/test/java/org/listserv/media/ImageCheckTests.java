package org.listserv.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.listserv.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageCheckTests {

	static final long LIMIT = 40_000_000;

	@Test
	void readsTheTypeAndDimensionsFromTheBytes() {
		assertThat(ImageCheck.check(TestImages.image("png", 30, 20), LIMIT))
			.isEqualTo(new ImageCheck.Checked(ImageType.PNG, 30, 20));
		assertThat(ImageCheck.check(TestImages.image("jpeg", 16, 9), LIMIT))
			.isEqualTo(new ImageCheck.Checked(ImageType.JPEG, 16, 9));
		assertThat(ImageCheck.check(TestImages.image("gif", 3, 4), LIMIT))
			.isEqualTo(new ImageCheck.Checked(ImageType.GIF, 3, 4));
		assertThat(ImageCheck.check(TestImages.webp(), LIMIT)).isEqualTo(new ImageCheck.Checked(ImageType.WEBP, 1, 1));
	}

	@Test
	void takesAnImageAtTheLimitAndRefusesOnePixelMore() {
		byte[] png = TestImages.image("png", 100, 50);
		assertThat(ImageCheck.check(png, 5_000).width()).isEqualTo(100);
		assertThatThrownBy(() -> ImageCheck.check(png, 4_999)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("100 × 50 pixels");
	}

	@Test
	void refusesDecompressionBombsOfEveryTypeByTheirHeaders() {
		assertThatThrownBy(() -> ImageCheck.check(TestImages.pngHeader(100_000, 100_000), LIMIT))
			.hasMessage("This image is 100000 × 100000 pixels, more than the 40 million pixels allowed; "
					+ "make it smaller and upload it again");
		assertThatThrownBy(() -> ImageCheck.check(gifHeader(65_535, 65_535), LIMIT))
			.hasMessageContaining("65535 × 65535 pixels");
		assertThatThrownBy(() -> ImageCheck.check(jpegHeader(60_000, 60_000), LIMIT))
			.hasMessageContaining("60000 × 60000 pixels");
	}

	@Test
	void refusesSvgTextAndDamagedImagesInWordsStaffUnderstand() {
		assertThatThrownBy(() -> ImageCheck.check(
				"\uFEFF  <?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), LIMIT))
			.hasMessageStartingWith("SVG images are not accepted (they can carry scripts)");
		assertThatThrownBy(() -> ImageCheck.check("GIF? no: text".getBytes(StandardCharsets.UTF_8), LIMIT))
			.hasMessage("This file is not a PNG, JPEG, GIF or WebP image");
		byte[] png = TestImages.image("png", 40, 40);
		byte[] garbled = png.clone();
		for (int i = 60; i < garbled.length - 20; i++) {
			garbled[i] = (byte) 0x5a;
		}
		assertThatThrownBy(() -> ImageCheck.check(garbled, LIMIT))
			.hasMessage("This file starts like a PNG image but could not be read as one; it may be damaged");
	}

	/** A GIF's logical screen descriptor claiming this size, and nothing after it. */
	static byte[] gifHeader(int width, int height) {
		return ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).put("GIF89a".getBytes(StandardCharsets.US_ASCII))
			.putShort((short) width).putShort((short) height).put((byte) 0).put((byte) 0).put((byte) 0)
			// an image descriptor of the same size
			.put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
			.put((byte) 0).array();
	}

	/** A real (small) JPEG whose start-of-frame is changed to claim this size. */
	static byte[] jpegHeader(int width, int height) {
		byte[] jpeg = TestImages.image("jpeg", 8, 8);
		for (int i = 2; i < jpeg.length - 9; i++) {
			if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
				ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
				return jpeg;
			}
		}
		throw new IllegalStateException("No start-of-frame in the JPEG ImageIO wrote");
	}

}
