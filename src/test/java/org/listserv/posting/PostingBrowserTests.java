package org.listserv.posting;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A moderator in a real browser: logs in, approves a stranger's held post from the moderation queue, then
 * finds it in the list archive by a word of its body. Skipped where Chromium is absent.
 */
class PostingBrowserTests extends BrowserIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	@Test
	void moderatorApprovesAHeldPostAndFindsItInTheArchive() throws Exception {
		MailingList made = newList("ACTION");
		MailingList list = listService.update(made.slug(), new ListRequest(null, null, null, null, null, "MEMBERS",
				null, null, null, null, null, null, null));
		String member = "xena@" + list.slug() + ".example.org";
		jdbc.sql("""
				with s as (insert into subscribers (email, name) values (:e, 'Xena') returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at) select :l, id, 'ACTIVE', now() from s
				""").param("e", member).param("l", list.id()).update();
		deliverInbound("neighbour@example.net", list.slug() + "@lists.example.org", "From: Neighbour <neighbour@example.net>\nTo: list\n"
				+ "Subject: Soup kitchen\nMessage-ID: <soup@example.net>\n\nWe serve sandwiches on Sunday.\n");
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from posts where list_id = :l")
			.param("l", list.id()).query(Long.class).single() == 1);
		long id = jdbc.sql("select id from posts where list_id = :l").param("l", list.id()).query(Long.class).single();

		browser.get("http://localhost:" + port + "/admin/lists/" + list.slug() + "/moderation");
		browser.findElement(By.id("username")).sendKeys(STAFF);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/moderation"));
		assertThat(browser.findElement(By.id("post-" + id)).getText()).contains("Soup kitchen")
			.contains("neighbour@example.net").contains("is not an active member");
		screenshot("posting-1-moderation");
		clickAndWait(By.cssSelector("#post-" + id + " button[value=approve]"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("approved");
		assertThat(browser.findElement(By.id("none-held")).getText()).isEqualTo("No post is waiting.");
		await().atMost(Duration.ofSeconds(30)).until(() -> !PostingIntegrationTest.inbox(member).isEmpty());
		MimeMessage delivered = PostingIntegrationTest.inbox(member).get(0);
		assertThat(delivered.getSubject()).isEqualTo("[" + list.slug() + "] Soup kitchen");

		browser.get("http://localhost:" + port + "/archive/" + list.slug());
		browser.findElement(By.name("q")).sendKeys("sandwiches");
		clickAndWait(By.cssSelector("form[role=search] button"));
		assertThat(browser.findElement(By.id("post-" + id)).getText()).contains("Soup kitchen")
			.contains("We serve sandwiches on Sunday.");
		screenshot("posting-2-archive-search");
	}

	@Test
	void discardAndBanHappensOnlyAfterTheDialogsYes() throws Exception {
		MailingList made = newList("ACTION");
		MailingList list = listService.update(made.slug(), new ListRequest(null, null, null, null, null, "MEMBERS",
				null, null, null, null, null, null, null));
		deliverInbound("neighbour@example.net", list.slug() + "@lists.example.org", "From: Seller <neighbour@example.net>\nTo: list\n"
				+ "Subject: Cheap watches\nMessage-ID: <watches-" + list.slug() + "@example.net>\n\nBuy now.\n");
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from posts where list_id = :l")
			.param("l", list.id()).query(Long.class).single() == 1);
		long id = jdbc.sql("select id from posts where list_id = :l").param("l", list.id()).query(Long.class).single();

		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/admin/lists/" + list.slug() + "/moderation");
		browser.findElement(By.id("username")).sendKeys(STAFF);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/moderation"));

		browser.findElement(By.cssSelector("#post-" + id + " button[value=ban]")).click();
		assertThat(browser.findElement(By.cssSelector("dialog.confirm-dialog[open]")).getText())
			.contains("ban neighbour@example.net from posting to " + list.name());
		browser.findElement(By.id("confirm-dialog-cancel")).click();
		assertThat(browser.findElements(By.cssSelector("dialog.confirm-dialog"))).isEmpty();
		assertThat(status(id)).isEqualTo("HELD");

		browser.findElement(By.cssSelector("#post-" + id + " button[value=ban]")).click();
		clickAndWait(By.id("confirm-dialog-yes"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("is banned");
		assertThat(status(id)).isEqualTo("DISCARDED");
	}

	private String status(long post) {
		return jdbc.sql("select status from posts where id = :id").param("id", post).query(String.class).single();
	}

}
