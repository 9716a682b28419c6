package org.listserv.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real browser (Debian's headless Chromium): logs in, creates a list, imports a CSV file and
 * sees the members. Skipped, saying why, where Chromium or ChromeDriver is not installed ({@code .ci/run}
 * installs both). Screenshots go to {@code target/screenshots}.
 */
class AdminBrowserTests extends BrowserIntegrationTest {

	@Test
	void adminLogsInCreatesAListImportsAFileAndSeesTheMembers() throws Exception {
		browser.get("http://localhost:" + port + "/admin/lists");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/admin/lists"));
		screenshot("1-lists");

		WebElement form = browser.findElement(By.id("new-list"));
		form.findElement(By.name("name")).sendKeys("Peace Action Alerts");
		form.findElement(By.name("slug")).sendKeys("browser-alerts");
		form.findElement(By.cssSelector("input[name=kind][value=ACTION]")).click();
		form.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.getCurrentUrl().endsWith("/admin/lists/browser-alerts"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Peace Action Alerts");

		Path csv = Files.createTempFile("members", ".csv");
		Files.writeString(csv, "email;name;city\nrosa@example.org;Rosa;Berlin\nmax@example.org;\"Max, M.\";Bonn\n"
				+ "broken-address;Nobody;\n");
		WebElement importForm = browser.findElement(By.id("import"));
		importForm.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
		importForm.findElement(By.cssSelector("button[type=submit]")).click();

		WebElement result = browser.findElement(By.id("import-result"));
		assertThat(result.getText()).contains("2 imported").contains("1 rejected").contains("broken-address");
		String members = browser.findElement(By.id("members")).getText();
		assertThat(members).contains("rosa@example.org").contains("Rosa").contains("max@example.org")
			.contains("Max, M.").contains("Active");
		screenshot("2-list-after-import");

		browser.findElement(By.linkText("rosa@example.org")).click();
		assertThat(browser.findElement(By.id("history")).getText()).contains("Import").contains(ADMIN)
			.contains("Active");
		screenshot("3-consent-history");

		browser.get("http://localhost:" + port + "/admin/lists");
		assertThat(browser.findElement(By.id("lists")).getText()).contains("Peace Action Alerts").contains("Action");
		Files.deleteIfExists(csv);
	}

	@Test
	void onAPhoneTheMenuCollapsesAWideTableScrollsInsideItsBoxAndTheErrorPageKeepsTheMenu() throws Exception {
		login();
		Dimension before = browser.manage().window().getSize();
		try {
			browser.manage().window().setSize(new Dimension(390, 844));
			browser.get("http://localhost:" + port + "/admin/users");
			JavascriptExecutor js = (JavascriptExecutor) browser;
			long page = (Long) js.executeScript("return document.documentElement.scrollWidth");
			long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
			assertThat(page).as("the page is no wider than the screen").isLessThanOrEqualTo(viewport);
			long table = (Long) js.executeScript("return document.getElementById('users').scrollWidth");
			long box = (Long) js.executeScript("return document.getElementById('users').clientWidth");
			assertThat(table).as("the table is wider than its box, and scrolls inside it").isGreaterThan(box);
			screenshot("4-users-390");

			// the navigation hides behind the Menu button, which opens and closes it
			WebElement menu = browser.findElement(By.cssSelector("header.top .menu-toggle"));
			WebElement users = browser.findElement(By.cssSelector("#main-nav a[href$='/admin/users']"));
			assertThat(users.isDisplayed()).as("the links are hidden on a phone").isFalse();
			menu.click();
			assertThat(users.isDisplayed()).as("the menu shows the links").isTrue();
			assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
			screenshot("5-menu-open-390");
			menu.click();
			assertThat(users.isDisplayed()).isFalse();

			browser.get("http://localhost:" + port + "/admin/no-such-page");
			assertThat(browser.findElement(By.tagName("h1")).getText()).contains("404");
			assertThat(browser.findElement(By.cssSelector("header.top form.logout")).getDomProperty("textContent")).contains(ADMIN);
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("There is no page at this address.");
		}
		finally {
			browser.manage().window().setSize(before);
			// the browser is shared by the class's tests: the next one starts logged out
			browser.manage().deleteAllCookies();
		}
	}

	private void login() {
		browser.get("http://localhost:" + port + "/admin/lists");
		if (browser.getCurrentUrl().endsWith("/login")) {
			browser.findElement(By.id("username")).sendKeys(ADMIN);
			browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
			browser.findElement(By.id("login")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/admin/lists"));
		}
	}

}
