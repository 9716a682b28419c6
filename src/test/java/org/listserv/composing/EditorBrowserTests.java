package org.listserv.composing;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign editor in a real browser: writing in the visual editor (Quill, from the jar, under the strict
 * Content-Security-Policy), the live preview following it, the page at desktop and phone widths.
 */
class EditorBrowserTests extends BrowserIntegrationTest {

	@Autowired
	MemberService members;

	@AfterEach
	void desktopSize() {
		if (browser != null) {
			browser.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

	void loginAsStaff() {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(STAFF);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		clickAndWait(By.id("login"));
	}

	String previewText() {
		browser.switchTo().frame("preview");
		try {
			return browser.findElement(By.tagName("body")).getText();
		}
		finally {
			browser.switchTo().defaultContent();
		}
	}

	@Test
	void staffWriteInTheVisualEditorMakeTextBoldAndTheSavedBodyAndPreviewHaveIt() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		members.add(list.slug(), "ada@" + list.slug() + ".example.org", "Ada Lovelace", Map.of(),
				Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		loginAsStaff();
		// records what the Content-Security-Policy blocks on every page from now on (put in before the page's scripts)
		org.openqa.selenium.chromium.ChromiumDriver chromium = (org.openqa.selenium.chromium.ChromiumDriver) browser;
		Object recorder = chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.cspBlocked = [];
				document.addEventListener('securitypolicyviolation', function (e) {
				  window.cspBlocked.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
				});"""));
		try {
			writeBoldTextSaveAndPreview(list);
		}
		finally {
			chromium.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
					Map.of("identifier", ((Map<?, ?>) recorder).get("identifier")));
		}
	}

	private void writeBoldTextSaveAndPreview(MailingList list) throws Exception {
		browser.get("http://localhost:" + port + "/admin/lists/" + list.slug() + "/campaigns");
		assertThat(browser.findElement(By.cssSelector("#new-format option:checked")).getText()).isEqualTo("Visual editor");
		browser.findElement(By.id("new-subject")).sendKeys("Our spring newsletter");
		clickAndWait(By.id("create-campaign"));

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		WebElement editor = wait.until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor")));
		assertThat(browser.findElement(By.id("body")).isDisplayed()).as("the HTML textarea behind the editor").isFalse();
		assertThat(browser.findElement(By.cssSelector(".ql-toolbar button.ql-bold")).getAttribute("aria-label"))
			.isEqualTo("Bold");
		editor.click();
		editor.sendKeys("Dear friends, the march is on ");
		browser.findElement(By.cssSelector(".ql-toolbar button.ql-bold")).click();
		editor.sendKeys("Saturday at noon");
		browser.findElement(By.cssSelector(".ql-toolbar button.ql-bold")).click();
		editor.sendKeys(".");
		assertThat(browser.findElement(By.id("body")).getAttribute("value"))
			.contains("<strong>Saturday at noon</strong>");

		// the live preview follows the visual editor before anything is saved
		wait.until(d -> previewText().contains("Saturday at noon"));
		screenshot("editor-visual-1280");

		clickAndWait(By.id("save"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved");
		long id = Long.parseLong(browser.getCurrentUrl().replaceAll("^.*/admin/campaigns/(\\d+).*$", "$1"));
		Campaign saved = campaigns.get(id);
		assertThat(saved.format()).isEqualTo(CampaignFormat.VISUAL);
		assertThat(saved.body()).contains("Dear friends, the march is on <strong>Saturday at noon</strong>.");
		// the saved body comes back into the editor, and the preview shows it as bold text
		assertThat(wait.until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor strong"))).getText())
			.isEqualTo("Saturday at noon");
		browser.switchTo().frame("preview");
		assertThat(browser.findElement(By.cssSelector(".content strong")).getText()).isEqualTo("Saturday at noon");
		browser.switchTo().defaultContent();

		// switching to HTML shows the same body as HTML in the textarea
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("format"))).selectByValue("html");
		assertThat(browser.findElement(By.id("body")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("visual-editor")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains("<strong>Saturday at noon</strong>");

		// a link through the editor's own link box, then nothing the policy had to block on the way
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("format"))).selectByValue("visual");
		WebElement again = browser.findElement(By.cssSelector("#visual-editor .ql-editor"));
		again.click();
		again.sendKeys(org.openqa.selenium.Keys.END, " Sign up");
		again.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.SHIFT, org.openqa.selenium.Keys.ARROW_LEFT,
				org.openqa.selenium.Keys.ARROW_LEFT, org.openqa.selenium.Keys.ARROW_LEFT, org.openqa.selenium.Keys.ARROW_LEFT,
				org.openqa.selenium.Keys.ARROW_LEFT, org.openqa.selenium.Keys.ARROW_LEFT, org.openqa.selenium.Keys.ARROW_LEFT));
		browser.findElement(By.cssSelector(".ql-toolbar button.ql-link")).click();
		WebElement link = new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(d -> d.findElement(By.cssSelector(".ql-tooltip.ql-editing input[type=text]")));
		link.sendKeys("https://example.org/join", org.openqa.selenium.Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> String.valueOf(d.findElement(By.id("body"))
			.getAttribute("value")).contains("href=\"https://example.org/join\""));
		// Quill 1.3.7 builds one throwaway element with style="white-space: normal" when it starts; the policy
		// blocks that attribute, and composing.css gives the element the same style instead. Nothing else.
		assertThat(((JavascriptExecutor) browser).executeScript("return window.cspBlocked")).asList()
			.allSatisfy(blocked -> assertThat(String.valueOf(blocked))
				.startsWith("style-src-attr inline http://localhost:" + port + "/webjars/quill/1.3.7/dist/quill.min.js"));
	}

	/**
	 * With a media library (here a stand-in for {@code window.listservMedia}, put in before the page's scripts
	 * and not replaceable by them), the image button of the visual editor inserts the picked image with its
	 * alt text, and the saved body has it with the address made absolute.
	 */
	@Test
	void anImageFromTheMediaLibraryGoesIntoTheVisualEditorWithItsAltText() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "With a picture", null, "<p>Look:</p>", null,
				"visual", null, null, null, null, null, null), STAFF);
		loginAsStaff();
		Object script = ((org.openqa.selenium.chromium.ChromiumDriver) browser).executeCdpCommand(
				"Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
						Object.defineProperty(window, 'listservMedia', { writable: false, configurable: false, value: {
						  pick: function (callback) {
						    callback({ url: '/media/42', alt: 'A crowd at the march', width: 600, height: 400 });
						  } } });"""));
		try {
			browser.get("http://localhost:" + port + "/admin/campaigns/" + c.id());
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
			WebElement editor = wait.until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor")));
			editor.click();
			editor.sendKeys(org.openqa.selenium.Keys.END);
			browser.findElement(By.cssSelector(".ql-toolbar button.ql-image")).click();
			WebElement img = wait.until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor img")));
			assertThat(img.getAttribute("alt")).isEqualTo("A crowd at the march");
			assertThat(browser.findElement(By.id("insert-image")).isDisplayed()).as("the toolbar has its own button")
				.isFalse();
			clickAndWait(By.id("save"));
			assertThat(campaigns.get(c.id()).body())
				.contains("<img src=\"http://localhost:8080/media/42\" alt=\"A crowd at the march\" width=\"600\">");

			// in Markdown the button below the textarea writes ![alt](absolute address) at the cursor
			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("format"))).selectByValue("markdown");
			WebElement body = browser.findElement(By.id("body"));
			body.clear();
			body.sendKeys("Before ");
			browser.findElement(By.id("insert-image")).click();
			assertThat(body.getAttribute("value"))
				.isEqualTo("Before ![A crowd at the march](http://localhost:" + port + "/media/42)");
		}
		finally {
			((org.openqa.selenium.chromium.ChromiumDriver) browser).executeCdpCommand(
					"Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", ((Map<?, ?>) script).get("identifier")));
		}
	}

	@Test
	void theEditorFitsAPhoneAndPutsTheFormAndPreviewSideBySideOnAWideScreen() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(),
				"A subject long enough to wrap on a small phone screen without widening the page at all", null,
				"<p>Dear {{subscriber.name}}, a <strong>visual</strong> body.</p>", null, "visual", null, null, null,
				null, null, null), STAFF);
		loginAsStaff();
		browser.get("http://localhost:" + port + "/admin/campaigns/" + c.id());
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor")));
		WebElement form = browser.findElement(By.id("campaign-form"));
		WebElement preview = browser.findElement(By.id("preview"));
		assertThat(preview.getRect().getX()).as("the preview beside the form at 1280 px")
			.isGreaterThan(form.getRect().getX() + form.getRect().getWidth() - 1);
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 1500)");
		assertThat(browser.findElement(By.id("action-bar")).getRect().getY()).as("the action bar stays in view")
			.isBetween(1400, 1600);
		assertThat(browser.findElement(By.id("save")).isDisplayed()).isTrue();
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		screenshot("editor-1280");
		org.openqa.selenium.chromium.ChromiumDriver chromium = (org.openqa.selenium.chromium.ChromiumDriver) browser;
		chromium.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		try {
			assertThat(((JavascriptExecutor) browser)
				.executeScript("return getComputedStyle(document.querySelector('.ql-snow .ql-stroke')).stroke"))
				.as("the toolbar's icons in dark mode").isEqualTo("rgb(232, 234, 237)");
			screenshot("editor-dark-1280");
		}
		finally {
			chromium.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of()));
		}

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get("http://localhost:" + port + "/admin/campaigns/" + c.id());
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#visual-editor .ql-editor")));
		long width = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
		long scrollWidth = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth");
		assertThat(scrollWidth).as("page width at a %d px viewport", width).isLessThanOrEqualTo(width);
		form = browser.findElement(By.id("campaign-form"));
		preview = browser.findElement(By.id("preview"));
		assertThat(preview.getRect().getY()).as("the preview below the form on a phone")
			.isGreaterThan(form.getRect().getY());
		screenshot("editor-390");
	}

	@Test
	void aSentCampaignOpensOnItsResultsAndTheTemplatesPageFitsAPhone() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "Sent in May", null,
				"<p>Dear {{subscriber.name}}, <a href=\"{{unsubscribe_url}}\">leave</a></p>", null, "visual", null, null,
				null, null, null, null), STAFF);
		assertThat(campaigns.transition(c.id(), CampaignStatus.SENT, CampaignStatus.DRAFT)).isTrue();
		loginAsStaff();
		browser.get("http://localhost:" + port + "/admin/campaigns/" + c.id());
		assertThat(browser.findElement(By.cssSelector("main h2")).getText()).isEqualTo("Results");
		assertThat(browser.findElements(By.id("campaign-form"))).isEmpty();
		screenshot("editor-sent-1280");
		browser.findElement(By.id("template-name")).clear();
		browser.findElement(By.id("template-name")).sendKeys("May newsletter " + list.slug()
				+ " with a long name that must wrap inside its cell");
		clickAndWait(By.id("save-template"));
		clickAndWait(By.id("duplicate-campaign"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("copy of campaign " + c.id());
		assertThat(browser.findElement(By.id("subject")).getAttribute("value")).isEqualTo("Copy of Sent in May");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get("http://localhost:" + port + "/admin/templates");
		assertThat(browser.findElement(By.id("templates")).getText()).contains("May newsletter " + list.slug());
		screenshot("templates-390");
		long width = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
		long scrollWidth = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth");
		Object wide = ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth)
				  .map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')""");
		assertThat(scrollWidth).as("page width at a %d px viewport; wider: %s", width, wide).isLessThanOrEqualTo(width);
	}

}
