package org.listserv.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@Test
	void keepsOnlyTheLastSegmentInSafeCharactersWithTheExtensionOfTheRealType() {
		assertThat(FileNames.sanitise("C:\\Users\\ana\\Fotos\\Demo in Köln (2).JPG", ImageType.JPEG))
			.isEqualTo("Demo-in-Koln-2.jpg");
		assertThat(FileNames.sanitise("../../etc/passwd", ImageType.PNG)).isEqualTo("passwd.png");
		assertThat(FileNames.sanitise("logo.svg", ImageType.PNG)).isEqualTo("logo.png");
		assertThat(FileNames.sanitise("\"><script>alert(1)</script>.gif", ImageType.GIF)).isEqualTo("script.gif");
	}

	@Test
	void namesAnImageWithoutAUsableNameImage() {
		assertThat(FileNames.sanitise(null, ImageType.PNG)).isEqualTo("image.png");
		assertThat(FileNames.sanitise(".png", ImageType.PNG)).isEqualTo("image.png");
		assertThat(FileNames.sanitise("写真.webp", ImageType.WEBP)).isEqualTo("image.webp");
	}

	@Test
	void cutsALongNameToEightyCharacters() {
		String name = FileNames.sanitise("a".repeat(300) + ".png", ImageType.PNG);
		assertThat(name).hasSize(80).endsWith("a.png");
	}

}
