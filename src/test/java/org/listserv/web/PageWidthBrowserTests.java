package org.listserv.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.SubscriptionLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages that long values made wider than the screen: the inbound page at 1280 px (long VERP addresses and
 * notes), the public list page and the preference page at 390 px (a 200-character list name, an unbroken
 * 100-character word). No page may scroll sideways; a table may, inside its own box.
 */
class PageWidthBrowserTests extends BrowserIntegrationTest {

	private static final String WORD = "Friedensbewegungsmitgliederversammlungsvorbereitungsausschussvorsitzendenstellvertreterinnenwahlzettel";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubscriptionLinks links;

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
	void theInboundPageFitsAt1280AndAt390WithLongAddressesAndNotes() throws Exception {
		MailingList list = newList("ACTION");
		String verp = list.slug() + "-bounces+" + "x".repeat(60) + "=" + WORD.toLowerCase() + ".example.org@lists.example.org";
		jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw, state, note)
				values ('SMTP', :from, :to, :subject, 1, '\\x00', 'FAILED', :note)
				""").param("from", WORD.toLowerCase() + "@" + WORD.toLowerCase() + ".example.net").param("to", verp)
			.param("subject", "Re: " + WORD + WORD).param("note", "Malformed message: <" + WORD + WORD + "@mx>")
			.update();
		login();
		for (int width : new int[] { 1280, 390 }) {
			resize(width);
			browser.get("http://localhost:" + port + "/admin/inbound");
			assertThat(browser.findElement(By.id("inbound")).getText()).contains(list.slug() + "-bounces+");
			assertNoSidewaysScroll("/admin/inbound at " + width + " px");
			screenshot("width-inbound-" + width);
		}
	}

	@Test
	void longListNamesAndUnbrokenWordsWrapOnThePublicListsAndThePreferencePageAt390() throws Exception {
		String name = (WORD + " " + "A list with a very long name about peace and justice in the world ").repeat(2)
			.substring(0, 200).strip();
		MailingList list = listService.create(new ListRequest("w" + System.nanoTime() % 1_000_000, name,
				"INFORMATIONAL", "About " + WORD, null, null, null, null, null, null, true, null, null));
		long subscriber = jdbc.sql("insert into subscribers (email, name) values (:e, :n) returning id")
			.param("e", WORD.toLowerCase().substring(0, 60) + "@" + list.slug() + ".example.org").param("n", WORD)
			.query(Long.class).single();
		jdbc.sql("insert into memberships (list_id, subscriber_id, status, subscribed_at) values (:l, :s, 'ACTIVE', now())")
			.param("l", list.id()).param("s", subscriber).update();
		resize(390);

		browser.get("http://localhost:" + port + "/lists");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(WORD);
		assertNoSidewaysScroll("/lists at 390 px");
		screenshot("width-public-lists-390");

		String url = links.preferencesUrl(subscriber);
		browser.get("http://localhost:" + port + url.substring(url.indexOf("/preferences")));
		assertThat(browser.findElement(By.id("prefs")).getText()).contains(WORD);
		assertNoSidewaysScroll("the preference page at 390 px");
		screenshot("width-preferences-390");
	}

	private void resize(int width) {
		if (before == null) {
			before = browser.manage().window().getSize();
		}
		browser.manage().window().setSize(new Dimension(width, 900));
	}

	private static void assertNoSidewaysScroll(String what) {
		Map<?, ?> m = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
				"return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth}");
		assertThat(((Number) m.get("page")).longValue()).as(what + ": the page is no wider than the window")
			.isLessThanOrEqualTo(((Number) m.get("viewport")).longValue());
	}

	private void login() {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
	}

}
