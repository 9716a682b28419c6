package org.listserv.inbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An admin in a real browser finds a message that failed on the inbound page, reads it and sends it
 * back for processing. Skipped, saying why, without Chromium and ChromeDriver.
 */
class InboundBrowserTests extends BrowserIntegrationTest {

	@Autowired
	SmtpListener listener;

	@Autowired
	InboundMessages messages;

	@Test
	void adminFindsAFailedMessageReadsItAndRetriesIt() throws Exception {
		MailingList list = newList("ACTION");
		try (SmtpConversation smtp = new SmtpConversation(listener.port())) {
			assertThat(smtp.deliver("", list.slug() + "-bounces@lists.example.org", "\r\nGarbage from " + list.slug() + "\r\n"))
				.startsWith("250");
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messages.page(InboundState.FAILED, 0, 50).stream()
				.anyMatch(m -> m.recipient().startsWith(list.slug())));

		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
		browser.findElement(By.linkText("Inbound")).click();
		new Select(browser.findElement(By.name("state"))).selectByValue("FAILED");
		org.openqa.selenium.WebElement search = browser.findElement(By.cssSelector("form[role=search] button"));
		search.click();
		awaitGone(search);
		String table = browser.findElement(By.id("inbound")).getText();
		assertThat(table).contains(list.slug() + "-bounces@lists.example.org").contains("<>").contains("Malformed message");
		screenshot("inbound-1-failed");

		org.openqa.selenium.WebElement link = browser
			.findElement(By.xpath("//tr[td[text()='" + list.slug() + "-bounces@lists.example.org']]//a"));
		link.click();
		awaitGone(link);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("This message cannot be parsed")
			.contains("(no subject)");
		browser.findElement(By.tagName("summary")).click();
		assertThat(browser.findElement(By.cssSelector("details pre")).getText()).contains("Garbage from " + list.slug());
		screenshot("inbound-2-message");

		browser.findElement(By.cssSelector("#retry button")).click();
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("back in line");
	}

}
