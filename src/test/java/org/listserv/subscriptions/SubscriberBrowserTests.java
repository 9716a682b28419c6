package org.listserv.subscriptions;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a real browser: joins from the public page, confirms from the link in the mail, then
 * manages their lists from the preference link in the welcome mail. Skipped where Chromium is absent.
 */
class SubscriberBrowserTests extends BrowserIntegrationTest {

	@Autowired
	MemberService members;

	/** A link from a mail (made with listserv.base-url) opened on the test server's random port. */
	private String local(String mailUrl) {
		return "http://localhost:" + port + mailUrl.substring(mailUrl.indexOf('/', "http://".length()));
	}

	@Test
	void joinsConfirmsAndManagesTheirListsInABrowser() throws Exception {
		MailingList news = newList("INFORMATIONAL");
		MailingList alerts = newList("ACTION");
		String email = "browser@" + news.slug() + ".example.org";

		browser.get("http://localhost:" + port + "/subscribe/" + news.slug());
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Join " + news.name());
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("name")).sendKeys("Rosa Parks");
		screenshot("4-subscribe");
		clickAndWait(By.id("join"));
		assertThat(browser.findElement(By.id("check-inbox")).getText()).isEqualTo("Check your inbox");

		String confirmUrl = find(awaitMail(email, 1).get(0), "(http://\\S+/confirm/[a-z2-7]{32})");
		browser.get(local(confirmUrl));
		assertThat(members.get(news.slug(), email).status()).isEqualTo(MembershipStatus.PENDING);
		screenshot("5-confirm");
		clickAndWait(By.id("confirm"));
		assertThat(browser.findElement(By.id("joined")).getText()).isEqualTo("You are on the list");
		assertThat(members.get(news.slug(), email).status()).isEqualTo(MembershipStatus.ACTIVE);

		String preferencesUrl = find(awaitMail(email, 2).get(1), "(http://\\S+/preferences/\\S+)");
		browser.get(local(preferencesUrl));
		assertThat(browser.findElement(By.id("prefs")).getText()).contains(news.name()).contains(alerts.name());
		clickAndWait(By.id("join-" + alerts.slug()));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved");
		assertThat(members.get(alerts.slug(), email).status()).isEqualTo(MembershipStatus.ACTIVE);
		screenshot("6-preferences");
		clickAndWait(By.id("leave-" + news.slug()));
		assertThat(members.get(news.slug(), email).status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);

		// leaving all lists asks first; Cancel keeps the subscriptions
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		browser.findElement(By.id("leave-all")).click();
		assertThat(browser.findElement(By.cssSelector("dialog.confirm-dialog[open]")).getText())
			.contains("Leave all lists?");
		screenshot("confirm-6-leave-all-dialog-390");
		browser.findElement(By.id("confirm-dialog-cancel")).click();
		assertThat(members.get(alerts.slug(), email).status()).isEqualTo(MembershipStatus.ACTIVE);
		browser.findElement(By.id("leave-all")).click();
		clickAndWait(By.id("confirm-dialog-yes"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved");
		assertThat(members.get(alerts.slug(), email).status()).isEqualTo(MembershipStatus.UNSUBSCRIBED);
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
	}

}
