package org.listserv.home;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin logs in and lands on the home page: a held post to look at, a send in progress with its bar, the
 * lists; at 1280 px and on a 390 px phone, no wider than the window. Screenshots: home-1280, home-390.
 */
class HomeBrowserTests extends BrowserIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private Dimension before;

	private Long campaign;

	@AfterEach
	void restore() {
		if (campaign != null) {
			jdbc.sql("update campaigns set status = 'CANCELLED' where id = :id").param("id", campaign).update();
		}
		if (browser != null) {
			if (before != null) {
				browser.manage().window().setSize(before);
			}
			browser.manage().deleteAllCookies();
		}
	}

	@Test
	void anAdminLandsOnTheHomePageWhichFitsAWideScreenAndAPhone() throws Exception {
		MailingList list = newList("ACTION");
		jdbc.sql("""
				insert into posts (list_id, raw_sha256, status, sender, subject, raw)
				values (:l, md5(random()::text), 'HELD', 'visitor@example.net', 'Vigil tonight', '\\x00')
				""").param("l", list.id()).update();
		campaign = jdbc.sql("""
				insert into campaigns (list_id, status, subject, layout, from_address)
				values (:l, 'SENDING', 'Call your MP today', 'action-alert', 'alerts@localhost') returning id
				""").param("l", list.id()).query(Long.class).single();
		for (String status : new String[] { "SENT", "SENT", "SENT", "QUEUED" }) {
			jdbc.sql("""
					with s as (insert into subscribers (email) values (md5(random()::text) || '@example.org') returning id)
					insert into deliveries (campaign_id, subscriber_id, address, status, sent_at)
					select :c, id, 'd' || id || '@example.org', :status, case when :status = 'SENT' then now() end from s
					""").param("c", campaign).param("status", status).update();
		}

		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Home");

		before = browser.manage().window().getSize();
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, 900));
			browser.navigate().refresh();
			assertThat(browser.findElement(By.id("attention")).getText())
				.contains("Posts held for moderation on " + list.name());
			assertThat(browser.findElement(By.cssSelector("#sending-now progress")).getDomProperty("value"))
				.isEqualTo("75");
			assertThat(browser.findElement(By.id("home-lists")).getText()).contains(list.name());
			Map<?, ?> m = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
					"return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth}");
			assertThat(((Number) m.get("page")).longValue()).as("the home page at %d px is no wider than the window", width)
				.isLessThanOrEqualTo(((Number) m.get("viewport")).longValue());
			screenshot("home-" + width);
		}

		browser.findElement(By.linkText("Posts held for moderation on " + list.name())).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.getCurrentUrl().endsWith("/admin/lists/" + list.slug() + "/moderation"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Vigil tonight");
	}

}
