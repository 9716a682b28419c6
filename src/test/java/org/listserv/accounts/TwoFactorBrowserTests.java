package org.listserv.accounts;

import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person sets up two-factor login on Your account (QR code and key, a first code, the recovery codes), then
 * logs in again with the password and a code, at 1280 px and on a 390 px phone. Screenshots: two-factor-*.
 */
class TwoFactorBrowserTests extends BrowserIntegrationTest {

	private static final String PASSWORD = "browser password 2fa";

	private Dimension before;

	@AfterEach
	void restore() {
		if (browser != null) {
			if (before != null) {
				browser.manage().window().setSize(before);
			}
			browser.manage().deleteAllCookies();
		}
	}

	@Test
	void enrolsWithAFirstCodeAndThenLogsInWithPasswordAndCode() throws Exception {
		before = browser.manage().window().getSize();
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().deleteAllCookies();
			browser.manage().window().setSize(new Dimension(width, 900));
			String email = "browser-2fa-" + width + "-" + System.nanoTime() + "@example.org";
			accountService.create(email, "Browser", PASSWORD, Role.STAFF);
			logIn(email);
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));

			browser.get("http://localhost:" + port + "/admin/account");
			clickAndWait(By.id("set-up-two-factor"));
			assertThat(browser.findElement(By.id("qr")).getDomProperty("naturalWidth")).isNotEqualTo("0");
			byte[] secret = new Base32().decode(browser.findElement(By.id("secret")).getText().replace(" ", ""));
			fits(width);
			screenshot("two-factor-enrol-" + width);
			Instant now = Instant.now();
			browser.findElement(By.id("code")).sendKeys(code(secret, now));
			clickAndWait(By.id("confirm"));
			assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
			fits(width);
			screenshot("two-factor-codes-" + width);

			browser.manage().deleteAllCookies();
			logIn(email);
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/login/code"));
			browser.findElement(By.id("code")).sendKeys("000000".equals(code(secret, now.plusSeconds(30))) ? "111111" : "000000");
			clickAndWait(By.id("verify"));
			assertThat(browser.findElement(By.id("code-error")).getText()).contains("not right");
			fits(width);
			screenshot("two-factor-code-" + width);
			browser.findElement(By.id("code")).sendKeys(code(secret, now.plusSeconds(30)));
			clickAndWait(By.id("verify"));
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
			browser.get("http://localhost:" + port + "/admin/account");
			assertThat(browser.findElement(By.id("two-factor-status")).getText()).contains("Recovery codes left: 10.");
			fits(width);
			screenshot("two-factor-account-" + width);
		}
	}

	private void logIn(String email) {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		clickAndWait(By.id("login"));
	}

	private static void fits(int width) {
		Number scroll = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
		assertThat(scroll.intValue()).as("page width at %d px", width).isLessThanOrEqualTo(width);
	}

	private static String code(byte[] secret, Instant at) throws Exception {
		return String.format("%06d", new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
			.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), at));
	}

}
