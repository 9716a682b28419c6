package org.listserv.sending;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real browser sets a rate for a domain on the Sending page, sees it, and removes it. Skipped,
 * saying why, without Chromium and ChromeDriver.
 */
class SendingBrowserTests extends BrowserIntegrationTest {

	@Autowired
	SendRates rates;

	@Test
	void adminSetsAndRemovesADomainRate() throws Exception {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
		browser.findElement(By.linkText("Sending")).click();
		WebElement form = browser.findElement(By.id("set-rate"));
		form.findElement(By.name("domain")).sendKeys("browser-gmail.example");
		form.findElement(By.name("perSecond")).sendKeys("20");
		form.findElement(By.tagName("button")).click();
		awaitGone(form);
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
			.isEqualTo("Rate for browser-gmail.example set to 20/s");
		assertThat(browser.findElement(By.id("rates")).getText()).contains("browser-gmail.example 20 20")
			.contains(ADMIN);
		assertThat(rates.find("browser-gmail.example")).isPresent();
		screenshot("sending-1-rate-set");

		WebElement remove = browser.findElement(
				By.xpath("//tr[td[text()='browser-gmail.example']]//button[normalize-space()='Remove']"));
		remove.click();
		awaitGone(remove);
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("removed");
		assertThat(browser.findElement(By.id("rates")).getText()).doesNotContain("browser-gmail.example");
		assertThat(rates.find("browser-gmail.example")).isEmpty();
	}

}
