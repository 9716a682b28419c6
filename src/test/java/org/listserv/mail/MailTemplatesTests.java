package org.listserv.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTests {

	@TempDir
	Path dir;

	private final Map<String, Object> model = Map.of("list", Map.of("name", "Peace News"), "subscriber",
			Map.of("email", "a@example.org", "name", "<b>Ann</b>\r\nBcc: x@example.org"), "confirm_url",
			"https://example.org/confirm/abc");

	@Test
	void usesTheCopyInTheJarWhenTheFolderHasNone() {
		MailTemplates.Rendered r = new MailTemplates(new TemplatesProperties(dir)).render("confirm", model);
		assertThat(r.subject()).isEqualTo("Please confirm: join Peace News");
		assertThat(r.text()).contains("https://example.org/confirm/abc").doesNotStartWith("Subject:");
		assertThat(r.html()).isNull();
	}

	@Test
	void anEditedFileWinsAndIsReadAgainWhenChanged() throws Exception {
		Files.createDirectories(dir.resolve("notices"));
		Path file = dir.resolve("notices/confirm.txt");
		Files.writeString(file, "Subject: Bitte bestätigen: {{list.name}}\n\nHallo!\n");
		MailTemplates templates = new MailTemplates(new TemplatesProperties(dir));
		assertThat(templates.render("confirm", model).subject()).isEqualTo("Bitte bestätigen: Peace News");
		Files.writeString(file, "Subject: Second version\n\nHi\n");
		Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
		assertThat(templates.render("confirm", model).subject()).isEqualTo("Second version");
	}

	@Test
	void aBrokenFileFallsBackToTheBuiltInTemplate() throws Exception {
		Files.createDirectories(dir.resolve("notices"));
		Files.writeString(dir.resolve("notices/confirm.txt"), "Subject: {{#list}}never closed\n");
		assertThat(new MailTemplates(new TemplatesProperties(dir)).render("confirm", model).subject())
			.isEqualTo("Please confirm: join Peace News");
	}

	@Test
	void htmlPartsEscapeMergeValuesAndSubjectsStayOneLine() throws Exception {
		Files.createDirectories(dir.resolve("notices"));
		Files.writeString(dir.resolve("notices/welcome.txt"), "Subject: Hi {{subscriber.name}}\n\nHi {{subscriber.name}}\n");
		Files.writeString(dir.resolve("notices/welcome.html"), "<p>Hi {{subscriber.name}}</p>");
		MailTemplates.Rendered r = new MailTemplates(new TemplatesProperties(dir)).render("welcome", model);
		assertThat(r.html()).isEqualTo("<p>Hi &lt;b&gt;Ann&lt;/b&gt;\r\nBcc: x@example.org</p>");
		assertThat(r.subject()).isEqualTo("Hi <b>Ann</b> Bcc: x@example.org").doesNotContain("\n");
		assertThat(r.text()).contains("<b>Ann</b>");
	}

	@Test
	void templatesCannotReachBeyondTheMapTheyAreGiven() throws Exception {
		Files.createDirectories(dir.resolve("notices"));
		Files.writeString(dir.resolve("notices/goodbye.txt"),
				"Subject: x\n\n[{{list.getClass}}][{{list.class.name}}][{{java.lang.System}}][{{subscriber.email.length}}]\n");
		String text = new MailTemplates(new TemplatesProperties(dir)).render("goodbye", model).text();
		assertThat(text).doesNotContain("java.util").doesNotContain("Map");
	}

}
