package org.listserv.composing;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff in a real browser: log in, open a list's campaigns, write an action alert, look at the preview
 * as a member on desktop, phone and text, read the checklist, and send themselves a test that arrives as
 * multipart/alternative. Skipped where Chromium is absent.
 */
class ComposingBrowserTests extends BrowserIntegrationTest {

	@Autowired
	MemberService members;

	@Test
	void staffComposesPreviewsAndSendsATest() throws Exception {
		MailingList list = newList("ACTION");
		members.add(list.slug(), "ada@" + list.slug() + ".example.org", "Ada Lovelace", Map.of(),
				Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(STAFF);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		clickAndWait(By.id("login"));

		browser.get("http://localhost:" + port + "/admin/lists/" + list.slug());
		clickAndWait(By.id("campaigns-link"));
		browser.findElement(By.id("new-subject")).sendKeys("Call your MP today");
		assertThat(browser.findElement(By.cssSelector("#new-layout option:checked")).getText()).isEqualTo("action-alert");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("new-format"))).selectByValue("markdown");
		clickAndWait(By.id("create-campaign"));
		assertThat(browser.findElement(By.id("campaign-status")).getText()).isEqualTo("Draft");

		WebElement body = browser.findElement(By.id("body"));
		body.sendKeys("Dear {{subscriber.name}}, the vote is on Thursday.\n\n[Call your MP](https://example.org/call)");
		browser.findElement(By.id("preheader")).sendKeys("Two minutes on the phone");
		clickAndWait(By.id("save"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved");
		assertThat(browser.findElement(By.id("checklist-summary")).getText()).startsWith("Ready to send");
		assertThat(browser.findElements(By.cssSelector("#checklist li"))).hasSize(8);

		browser.findElement(By.cssSelector("#preview-as input[name=email]")).sendKeys("ada@" + list.slug() + ".example.org");
		clickAndWait(By.cssSelector("#preview-as button"));
		browser.switchTo().frame("preview");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Dear Ada Lovelace,").contains("Call your MP");
		assertThat(browser.findElement(By.cssSelector("a.button")).getAttribute("href")).isEqualTo("https://example.org/call");
		browser.switchTo().defaultContent();
		screenshot("7-composer-desktop");
		clickAndWait(By.id("tab-phone"));
		assertThat(browser.findElement(By.id("preview")).getAttribute("class")).contains("preview-phone");
		screenshot("8-composer-phone");
		clickAndWait(By.id("tab-text"));
		browser.switchTo().frame("preview");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Call your MP (https://example.org/call)");
		browser.switchTo().defaultContent();

		// live preview: typing updates the frame, nothing is saved
		long id = Long.parseLong(browser.getCurrentUrl().replaceAll("^.*/admin/campaigns/(\\d+).*$", "$1"));
		browser.findElement(By.id("body")).sendKeys("\n\nBring a friend.");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
			d.switchTo().frame("preview");
			String text = d.findElement(By.tagName("body")).getText();
			d.switchTo().defaultContent();
			return text.contains("Bring a friend.");
		});
		assertThat(campaigns.get(id).body()).doesNotContain("Bring a friend.");
		screenshot("9-composer-live-text");

		WebElement to = browser.findElement(By.id("test-to"));
		to.clear();
		to.sendKeys("tester@" + list.slug() + ".example.org");
		to.sendKeys(Keys.TAB);
		clickAndWait(By.id("send-test"));
		// queued, never "sent": the page cannot know yet whether the relay takes it
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.startsWith("Test queued for tester@" + list.slug() + ".example.org")
			.doesNotContain("Test sent");
		MimeMessage test = awaitMail("tester@" + list.slug() + ".example.org", 1).get(0);
		assertThat(test.getContentType()).startsWith("multipart/alternative");
		assertThat(test.getSubject()).isEqualTo("[TEST] Call your MP today");
		clickAndWait(By.id("notice-link"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
			d.navigate().refresh();
			return d.findElement(By.id("outbox-state")).getText().startsWith("sent");
		});
		screenshot("9-composer-test-in-outbox");
		assertThat(body(test)).contains("Call your MP (https://example.org/call)");
	}

}
