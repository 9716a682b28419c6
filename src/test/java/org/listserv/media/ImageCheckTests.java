package org.listserv.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

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
			.satisfies(ex -> assertThat(text(ex)).isEqualTo(new Text("media.error.too-many-pixels", "100", "50", 4_999 / 1_000_000.0)));
	}

	@Test
	void refusesDecompressionBombsOfEveryTypeByTheirHeaders() {
		assertThat(english(refusal(TestImages.pngHeader(100_000, 100_000)))).isEqualTo("This image is 100000 × 100000 "
				+ "pixels, more than the 40 million pixels allowed; make it smaller and upload it again");
		assertThat(refusal(gifHeader(65_535, 65_535)))
			.isEqualTo(new Text("media.error.too-many-pixels", "65535", "65535", 40.0));
		assertThat(refusal(jpegHeader(60_000, 60_000)))
			.isEqualTo(new Text("media.error.too-many-pixels", "60000", "60000", 40.0));
	}

	@Test
	void refusesSvgTextAndDamagedImagesInWordsStaffUnderstand() {
		assertThat(english(refusal(
				"\uFEFF  <?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8))))
			.startsWith("SVG images are not accepted (they can carry scripts)");
		assertThat(english(refusal("GIF? no: text".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("This file is not a PNG, JPEG, GIF or WebP image");
		byte[] png = TestImages.image("png", 40, 40);
		byte[] garbled = png.clone();
		for (int i = 60; i < garbled.length - 20; i++) {
			garbled[i] = (byte) 0x5a;
		}
		assertThat(english(refusal(garbled)))
			.isEqualTo("This file starts like a PNG image but could not be read as one; it may be damaged");
		assertThat(MediaUsageTests.spanish(refusal(garbled)))
			.isEqualTo("Este archivo empieza como una imagen PNG, pero no se pudo leer como tal; puede estar dañado");
	}

	/** What the check says when it refuses the bytes. */
	static Text refusal(byte[] data) {
		return text(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
				() -> ImageCheck.check(data, LIMIT)));
	}

	static Text text(Throwable ex) {
		assertThat(ex).isInstanceOf(InvalidInputException.class);
		return (Text) ((InvalidInputException) ex).text();
	}

	static String english(Text text) {
		return MediaUsageTests.english(text);
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
