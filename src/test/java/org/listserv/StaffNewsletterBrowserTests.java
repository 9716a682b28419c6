package org.listserv;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignFormat;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's whole flow in a real browser, as a communications officer does it: log in and land on the home
 * page; write a newsletter in the visual editor with an image uploaded through the media picker (alt text
 * required); send a test, which says "queued" and arrives with the officer's own name and {@code [TEST] };
 * press Send now, read the dialog (list, recipients, subject) and confirm; land on the results, read-only.
 * Screenshots {@code target/screenshots/newsletter-*.png}.
 */
class StaffNewsletterBrowserTests extends BrowserIntegrationTest {

	@Autowired
	MemberService members;

	@Test
	void staffWriteANewsletterWithAnImageTestItAsThemselvesConfirmTheSendAndLandOnTheResults() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Actor admin = Actor.staff(ConsentSource.ADMIN, ADMIN, null);
		members.add(list.slug(), STAFF, "Samira Ortega", Map.of(), admin);
		members.add(list.slug(), "rosa@" + list.slug() + ".example.org", "Rosa", Map.of(), admin);
		members.add(list.slug(), "nameless@" + list.slug() + ".example.org", "", Map.of(), admin);
		Path png = Files.createTempFile("march", ".png");
		Files.write(png, png(120, 60));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		try {
			browser.manage().deleteAllCookies();
			browser.get("http://localhost:" + port + "/login");
			browser.findElement(By.id("username")).sendKeys(STAFF);
			browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
			clickAndWait(By.id("login"));
			assertThat(browser.getCurrentUrl()).as("a login lands on the home page").endsWith("/admin");
			screenshot("newsletter-1-home");

			// a new campaign opens in the visual editor
			browser.get("http://localhost:" + port + "/admin/lists/" + list.slug() + "/campaigns");
			browser.findElement(By.id("new-subject")).sendKeys("Winter newsletter");
			clickAndWait(By.id("create-campaign"));
			WebElement editor = wait.until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor")));
			editor.click();
			editor.sendKeys("Dear {{subscriber.name}}, the vigil was a success. ");

			// the image: uploaded through the picker, which wants an alt text
			browser.findElement(By.cssSelector(".ql-toolbar button.ql-image")).click();
			WebElement picker = wait.until(d -> d.findElement(By.cssSelector("dialog.media-picker[open]")));
			picker.findElement(By.cssSelector("input[type=file]")).sendKeys(png.toString());
			wait.until(d -> picker.findElement(By.cssSelector(".media-picker-message")).getText().startsWith("Uploaded"));
			picker.findElement(By.cssSelector("button[type=submit]")).click();
			assertThat(picker.findElement(By.cssSelector(".media-picker-message")).getText())
				.as("no image without an alt text").startsWith("Describe the image");
			picker.findElement(By.name("alt")).sendKeys("Candles at the vigil");
			screenshot("newsletter-2-picker");
			picker.findElement(By.cssSelector("button[type=submit]")).click();
			WebElement img = wait.until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor img")));
			assertThat(img.getAttribute("alt")).isEqualTo("Candles at the vigil");
			screenshot("newsletter-3-editor");
			clickAndWait(By.id("save"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved");
			long id = Long.parseLong(browser.getCurrentUrl().replaceAll("^.*/admin/campaigns/(\\d+).*$", "$1"));
			Campaign saved = campaigns.get(id);
			assertThat(saved.format()).isEqualTo(CampaignFormat.VISUAL);
			assertThat(saved.body()).contains("Dear {{subscriber.name}}").containsPattern(
					"<img src=\"http://[^\"]+/media/\\d+/[^\"]+\\.png\" alt=\"Candles at the vigil\"");

			// the test: queued (never "sent" before the relay took it), then in the officer's inbox as themselves
			clickAndWait(By.id("send-test"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Test queued for " + STAFF);
			MimeMessage test = awaitMail(STAFF, "Winter newsletter", Duration.ofSeconds(20));
			assertThat(test.getSubject()).isEqualTo("[TEST] Winter newsletter");
			String html = part(test, "text/html");
			assertThat(html).contains("Dear Samira Ortega,").containsPattern("src=\"http://[^\"]+/media/\\d+/")
				.contains("alt=\"Candles at the vigil\"");
			assertThat(campaigns.get(id).status()).as("a test sends nothing to the list").isEqualTo(CampaignStatus.DRAFT);

			// Send now asks first, saying to whom and what
			browser.findElement(By.id("send-now")).click();
			WebElement dialog = wait.until(d -> d.findElement(By.cssSelector("dialog.confirm-dialog[open]")));
			assertThat(dialog.getText()).contains("3 members").contains("Winter newsletter").contains(list.name());
			screenshot("newsletter-4-send-dialog");
			WebElement yes = browser.findElement(By.id("confirm-dialog-yes"));
			yes.click();
			awaitGone(yes);
			awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(60));

			// the results first, read-only: no editor any more
			browser.get("http://localhost:" + port + "/admin/campaigns/" + id);
			assertThat(browser.findElement(By.id("send-counts")).getText()).startsWith("3 of 3 sent");
			assertThat(browser.findElements(By.id("campaign-form"))).as("a sent campaign has no editor").isEmpty();
			screenshot("newsletter-5-results");
			String nameless = part(awaitMail("nameless@" + list.slug() + ".example.org", 1).get(0), "text/html");
			assertThat(nameless).as("a member without a name gets the list's greeting").contains("Dear friend,")
				.doesNotContain("Dear ,");
		}
		finally {
			Files.deleteIfExists(png);
			browser.manage().deleteAllCookies();
		}
	}

	private static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xf5, 0xc2, 0x42));
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** The decoded content of the first part of the given type. */
	private static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			Object content = part.getContent();
			return content instanceof String s ? s : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = part(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
