package org.listserv.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff in a real browser on {@code /admin/media}: upload an image with the plain form, see it in the library
 * (loaded from its public address under the strict Content-Security-Policy), and pick or upload one with the
 * picker script, which insists on an alt text. Screenshots at 1280 and 390 pixels wide.
 */
class MediaBrowserTests extends BrowserIntegrationTest {

	private final Dimension desktop = new Dimension(1280, 1000);

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@AfterEach
	void logOut() {
		if (browser != null) {
			browser.manage().window().setSize(desktop);
			browser.manage().deleteAllCookies();
		}
	}

	@Test
	void staffUploadsAnImageWithTheFormAndSeesItInTheLibraryAlsoOnAPhone() throws Exception {
		login();
		Path png = file("Our March 2026.png", TestImages.image("png", 320, 180));
		Path svg = file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
		try {
			browser.findElement(By.cssSelector("#upload input[name=file]")).sendKeys(svg.toString());
			clickAndWait(By.cssSelector("#upload button[type=submit]"));
			assertThat(browser.findElement(By.cssSelector("main p.error")).getText())
				.startsWith("Not uploaded: SVG images are not accepted");

			browser.findElement(By.cssSelector("#upload input[name=file]")).sendKeys(png.toString());
			clickAndWait(By.cssSelector("#upload button[type=submit]"));
			assertThat(browser.findElement(By.cssSelector("main p.notice")).getText())
				.startsWith("Uploaded Our-March-2026.png (320 × 180 pixels)");
			WebElement card = browser.findElement(By.cssSelector("#media li.just-uploaded"));
			assertThat(card.getText()).contains("Our-March-2026.png", "320 × 180", STAFF);
			assertThat(card.findElement(By.cssSelector("input.media-url")).getDomProperty("value"))
				.startsWith("http://localhost:8080/media/").endsWith("/Our-March-2026.png");
			WebElement img = card.findElement(By.tagName("img"));
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(d -> ((Number) js().executeScript("return arguments[0].complete && arguments[0].naturalWidth", img)).intValue() == 320);
			screenshot("media-1-library-1280");
			assertAccessible();

			browser.manage().window().setSize(new Dimension(390, 844));
			browser.navigate().refresh();
			long page = (Long) js().executeScript("return document.documentElement.scrollWidth");
			long viewport = (Long) js().executeScript("return document.documentElement.clientWidth");
			assertThat(page).as("the library is no wider than the phone's screen; too wide: %s", tooWide())
				.isLessThanOrEqualTo(viewport);
			screenshot("media-2-library-390");
		}
		finally {
			Files.deleteIfExists(png);
			Files.deleteIfExists(svg);
		}
	}

	@Test
	void thePickerUploadsAnImageAndGivesItBackOnlyWithAnAltText() throws Exception {
		login();
		Path gif = file("banner.gif", TestImages.image("gif", 90, 30));
		try {
			js().executeScript("window.picked = null; window.listservMedia.pick(function (image) { window.picked = image; });");
			WebElement dialog = new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(d -> d.findElement(By.cssSelector("dialog.media-picker[open]")));
			dialog.findElement(By.cssSelector("input[type=file]")).sendKeys(gif.toString());
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> dialog
				.findElement(By.cssSelector(".media-picker-message")).getText().startsWith("Uploaded banner.gif"));
			assertThat(dialog.findElement(By.cssSelector("button[aria-pressed=true]")).getText()).contains("banner.gif");
			screenshot("media-3-picker-1280");
			assertAccessible();

			dialog.findElement(By.cssSelector("button[type=submit]")).click();
			assertThat(dialog.findElement(By.cssSelector(".media-picker-message")).getText())
				.startsWith("Describe the image in the alt text first");
			assertThat(js().executeScript("return window.picked")).as("nothing inserted without alt text").isNull();

			dialog.findElement(By.name("alt")).sendKeys("Marchers with a banner");
			dialog.findElement(By.cssSelector("button[type=submit]")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> js().executeScript("return window.picked") != null);
			@SuppressWarnings("unchecked")
			Map<String, Object> picked = (Map<String, Object>) js().executeScript("return window.picked");
			assertThat(picked.get("url")).asString().startsWith("http://localhost:8080/media/").endsWith("/banner.gif");
			assertThat(picked).containsEntry("alt", "Marchers with a banner").containsEntry("width", 90L)
				.containsEntry("height", 30L);
			assertThat(browser.findElements(By.cssSelector("dialog.media-picker"))).as("the dialog is gone").isEmpty();

			// the page's own button: the picker's choice as HTML to paste into a campaign
			browser.manage().window().setSize(new Dimension(390, 844));
			browser.findElement(By.id("open-picker")).click();
			WebElement again = new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(d -> d.findElement(By.cssSelector("dialog.media-picker[open] button[data-media-id]")));
			again.click();
			browser.findElement(By.cssSelector("dialog.media-picker input[name=alt]")).sendKeys("A \"quoted\" <banner>");
			long page = (Long) js().executeScript("return document.documentElement.scrollWidth");
			long viewport = (Long) js().executeScript("return document.documentElement.clientWidth");
			assertThat(page).as("the picker fits the phone's screen; too wide: %s", tooWide()).isLessThanOrEqualTo(viewport);
			screenshot("media-4-picker-390");
			browser.findElement(By.cssSelector("dialog.media-picker button[type=submit]")).click();
			assertThat(browser.findElement(By.id("picked-html")).getDomProperty("value"))
				.startsWith("<img src=\"http://localhost:8080/media/")
				.contains("alt=\"A &quot;quoted&quot; &lt;banner&gt;\"");
		}
		finally {
			Files.deleteIfExists(gif);
		}
	}

	@Test
	void thePickerSpeaksThePagesLanguage() throws Exception {
		login();
		browser.get("http://localhost:" + port + "/admin/media?lang=es");
		Path svg = file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
		try {
			browser.findElement(By.id("open-picker")).click();
			WebElement dialog = new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(d -> d.findElement(By.cssSelector("dialog.media-picker[open]")));
			assertThat(dialog.findElement(By.tagName("h2")).getText()).isEqualTo("Insertar una imagen");
			assertThat(dialog.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Insertar");
			dialog.findElement(By.cssSelector("button[type=submit]")).click();
			assertThat(dialog.findElement(By.cssSelector(".media-picker-message")).getText())
				.isEqualTo("Primero elija una imagen de la biblioteca o suba una.");
			dialog.findElement(By.cssSelector("input[type=file]")).sendKeys(svg.toString());
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> dialog
				.findElement(By.cssSelector(".media-picker-message")).getText()
				.startsWith("No se subió: No se aceptan imágenes SVG"));
		}
		finally {
			Files.deleteIfExists(svg);
		}
	}

	@Test
	void deletingAsksFirstAndThenSaysItIsDoneAtTheTop() throws Exception {
		ensureStaff();
		long id = MediaFixtures.upload(mvc, "to-delete.png", TestImages.image("png", 50, 50));
		login();
		clickAndWait(By.cssSelector("#media-" + id + " button.danger"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Delete to-delete.png?");
		screenshot("media-5-delete-confirmation");
		assertAccessible();
		clickAndWait(By.cssSelector("#confirm-delete button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector("main p.notice")).getText()).isEqualTo("to-delete.png deleted");
		assertThat(browser.findElements(By.id("media-" + id))).isEmpty();
	}

	/** No serious or critical violation of axe-core's rules on the page as it is now. */
	private static void assertAccessible() {
		var results = new AxeBuilder().analyze(browser);
		assertThat(results.getPasses()).as("axe-core ran its rules").isNotEmpty();
		java.util.List<Rule> violations = results.getViolations().stream()
			.filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
			.toList();
		assertThat(violations.stream().map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
				+ r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList())
			.as("axe-core on %s", browser.getCurrentUrl())
			.isEmpty();
	}

	/** The elements whose right edge is past the viewport's: what to fix when the page is too wide. */
	private static Object tooWide() {
		return js().executeScript("""
				var w = document.documentElement.clientWidth;
				return Array.from(document.querySelectorAll('body *'))
				  .filter(function (e) { return e.getBoundingClientRect().right > w; })
				  .map(function (e) { return e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right); })
				  .slice(0, 10).join(', ');
				""");
	}

	private static JavascriptExecutor js() {
		return (JavascriptExecutor) browser;
	}

	private static Path file(String name, byte[] data) throws Exception {
		Path dir = Files.createTempDirectory("media");
		dir.toFile().deleteOnExit();
		return Files.write(dir.resolve(name), data);
	}

	private void login() {
		ensureStaff();
		browser.get("http://localhost:" + port + "/admin/media");
		if (browser.getCurrentUrl().endsWith("/login")) {
			browser.findElement(By.id("username")).sendKeys(STAFF);
			browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
			browser.findElement(By.id("login")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/admin/"));
			browser.get("http://localhost:" + port + "/admin/media");
		}
	}

}
