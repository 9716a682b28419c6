package org.listserv.composing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.listserv.mail.TemplatesProperties;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutsTests {

	@Test
	void listsTheShippedLayoutsAndAnyDroppedIntoTheFolder(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("layouts"));
		Files.writeString(dir.resolve("layouts/plain-letter.html"), "<html><body>{{{content}}}</body></html>");
		Files.writeString(dir.resolve("layouts/notes.txt"), "not a layout");
		Layouts layouts = new Layouts(new TemplatesProperties(dir));
		assertThat(layouts.names()).containsExactly("action-alert", "newsletter", "plain-letter");
		assertThat(layouts.source("plain-letter")).contains("<html><body>{{{content}}}</body></html>");
		assertThat(layouts.source("newsletter")).get().asString().contains("{{{content}}}");
		assertThat(layouts.source("../secrets")).isEmpty();
	}

}
