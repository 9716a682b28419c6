package org.listserv.bounces;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;

import org.listserv.composing.CampaignStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An admin in a real browser opens the bounce dashboard of a list, sees the charts and the member the job
 * disabled, reads the evidence on the member's page and re-enables them. Skipped, saying why, without
 * Chromium and ChromeDriver.
 */
class BounceBrowserTests extends BrowserIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessBounces job;

	@Autowired
	Environment environment;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	org.listserv.sending.CampaignSending sending;

	@Test
	void adminSeesTheDashboardReadsTheEvidenceAndReEnablesAMember() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		listService.update(list.slug(), new ListRequest(null, null, null, null, null, null, null, null, null, null, null,
				null, null, BigDecimal.ONE));
		String member = "lost@" + list.slug() + ".example.org";
		for (String email : java.util.List.of(member, "ok1@" + list.slug() + ".example.org", "ok2@" + list.slug() + ".example.org")) {
			jdbc.sql("""
					with s as (insert into subscribers (email, name) values (:email, 'Lost') returning id)
					insert into memberships (list_id, subscriber_id, status, subscribed_at) select :list, id, 'ACTIVE', now() from s
					""").param("email", email).param("list", list.id()).update();
		}
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"June news\",\"body\":\"Hello\"}"))
			.andReturn().getResponse().getContentAsString();
		long campaign = Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
		sending.send(campaign);
		awaitCampaign(campaign, CampaignStatus.SENT, Duration.ofSeconds(60));
		String token = jdbc.sql("select verp_token from deliveries where campaign_id = :c and address = :a")
			.param("c", campaign).param("a", member).query(String.class).single();
		String to = list.slug() + "-bounces+" + token + "@lists.example.org";
		int port = Integer.parseInt(environment.getProperty("local.listserv.inbound.smtp.port"));
		assertThat(BounceFixtures.deliver(port, to, BounceFixtures.dsn(to, member, "5.1.1",
				"550 5.1.1 The email account that you tried to reach does not exist"))).startsWith("250");
		await("the bounce stored for the job").atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("select count(*) from bounce_messages b join inbound_messages i on i.id = b.inbound_message_id"
					+ " where i.recipient = :r").param("r", to).query(Long.class).single() > 0);

		browser.get("http://localhost:" + this.port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
		browser.findElement(By.linkText("Bounces")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/admin/bounces"));

		// the job runs from the page
		browser.get("http://localhost:" + this.port + "/admin/bounces?list=" + list.slug());
		WebElement run = browser.findElement(By.xpath("//button[text()='Process bounces now']"));
		run.click();
		awaitGone(run, Duration.ofSeconds(30));
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains(BatchStatus.COMPLETED.name());
		assertThat(browser.findElement(By.id("total-disabled")).getText()).isEqualTo("1");
		assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(4);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("0.3% Gmail/Yahoo limit");
		assertThat(browser.findElement(By.id("reasons")).getText()).contains("userunknown");
		assertThat(browser.findElement(By.id("domains")).getText()).contains(list.slug() + ".example.org");
		assertThat(browser.findElement(By.id("actions")).getText()).contains(member).contains("Disabled");
		assertThat(browser.findElement(By.id("campaigns")).getText()).contains("June news").contains("33.33%");
		screenshot("bounces-1-dashboard");

		WebElement link = browser.findElement(By.linkText(member));
		link.click();
		awaitGone(link);
		// the state in the staff's words (English here), the CSS class keeps the stored code
		assertThat(browser.findElement(By.cssSelector("#memberships tbody span.status")).getText()).isEqualTo("Disabled");
		assertThat(browser.findElements(By.cssSelector("#memberships span.status-disabled"))).hasSize(1);
		assertThat(browser.findElement(By.id("events")).getText()).contains("Hard").contains("5.1.1")
			.contains("does not exist");
		screenshot("bounces-2-member");

		WebElement reenable = browser.findElement(By.xpath("//button[text()='Re-enable']"));
		reenable.click();
		awaitGone(reenable);
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("Re-enabled");
		assertThat(browser.findElement(By.cssSelector("#memberships tbody span.status")).getText()).isEqualTo("Active");
		assertThat(browser.findElements(By.xpath("//button[text()='Re-enable']"))).isEmpty();
	}

}
