package org.listserv;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the {@code *BrowserTests}: the application as in {@link IntegrationTest}, plus one headless
 * Chromium per test class (skipped with a message where Chromium is absent, see {@link Browser}).
 */
public abstract class BrowserIntegrationTest extends IntegrationTest {

	protected static WebDriver browser;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() {
		if (Browser.missing() == null) {
			browser = Browser.start();
		}
		else {
			System.err.println("WARNING " + Browser.missing());
		}
	}

	/** Reports every test of the class as skipped, with the reason, where there is no browser. */
	@BeforeEach
	void needsABrowser() {
		Assumptions.assumeTrue(browser != null, Browser.missing());
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	/** Clicks something that loads a new page and waits until the new page has replaced this one. */
	protected static void clickAndWait(By target) {
		WebElement element = browser.findElement(target);
		element.click();
		awaitGone(element);
	}

	/**
	 * Waits until the page that held {@code element} has been replaced. ChromeDriver sometimes answers a
	 * question about an element of a page being unloaded with "Node with given id does not belong to the
	 * document" instead of a stale-element error: that means gone too.
	 */
	protected static void awaitGone(WebElement element) {
		awaitGone(element, Duration.ofSeconds(10));
	}

	protected static void awaitGone(WebElement element, Duration within) {
		new WebDriverWait(browser, within).until(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	protected static void screenshot(String name) throws Exception {
		Browser.screenshot(browser, name);
	}

}
