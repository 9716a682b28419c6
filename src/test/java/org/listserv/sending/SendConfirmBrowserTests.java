package org.listserv.sending;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.Browser;
import org.listserv.BrowserIntegrationTest;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Send now in a real browser: with JavaScript a dialog asks (list, recipients, subject; the slug typed for a
 * large list), Cancel sends nothing, Send now sends; without JavaScript the server's confirmation page asks
 * the same. Screenshots at 1280 and 390 px wide.
 */
class SendConfirmBrowserTests extends BrowserIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sendNowAsksInADialogAndCancelSendsNothing() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "dlg", 3);
		long id = campaign(list, "Rally at noon");
		login(browser);
		browser.get(base() + "/admin/campaigns/" + id);

		browser.findElement(By.id("send-now")).click();
		WebElement dialog = browser.findElement(By.cssSelector("dialog.confirm-dialog[open]"));
		assertThat(dialog.getText()).contains("Rally at noon").contains("3 members").contains(list.name());
		assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus starts on Cancel")
			.isEqualTo("confirm-dialog-cancel");
		screenshot("confirm-1-send-dialog-1280");
		browser.manage().window().setSize(new Dimension(390, 844));
		screenshot("confirm-2-send-dialog-390");
		browser.manage().window().setSize(new Dimension(1280, 1000));

		browser.findElement(By.id("confirm-dialog-cancel")).click();
		assertThat(browser.findElements(By.cssSelector("dialog.confirm-dialog"))).isEmpty();
		assertThroughout(Duration.ofSeconds(1), () -> {
			assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);
			assertThat(deliveries(id)).isZero();
		});

		browser.findElement(By.id("send-now")).click();
		WebElement yes = browser.findElement(By.id("confirm-dialog-yes"));
		assertThat(yes.getText()).isEqualTo("Send now");
		WebElement page = browser.findElement(By.tagName("main"));
		yes.click();
		awaitGone(page);
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Sending started");
		awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(60));
		assertThat(deliveries(id)).isEqualTo(3);
	}

	@Test
	void aLargeSendsDialogAsksForTheListsSlugAndRefusesAWrongOne() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "many", 1001);
		long id = campaign(list, "Urgent: call today");
		login(browser);
		browser.get(base() + "/admin/campaigns/" + id);

		browser.findElement(By.id("send-now")).click();
		WebElement dialog = browser.findElement(By.cssSelector("dialog.confirm-dialog[open]"));
		assertThat(dialog.getText()).contains("1,001 members").contains(list.slug());
		browser.findElement(By.id("confirm-dialog-typed")).sendKeys("wrong");
		browser.findElement(By.id("confirm-dialog-yes")).click();
		assertThat(browser.findElement(By.id("confirm-dialog-typed-error")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("confirm-dialog-typed-error")).getText()).isEqualTo("That is not " + list.slug() + ".");
		screenshot("confirm-3-typed-slug-dialog-1280");
		browser.findElement(By.id("confirm-dialog-cancel")).click();
		assertThroughout(Duration.ofSeconds(1),
				() -> assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT));
	}

	@Test
	void withoutJavaScriptSendNowShowsTheConfirmationPage() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		addMembers(list, "nojs", 2);
		long id = campaign(list, "No script needed");
		WebDriver plain = Browser.start(false);
		try {
			login(plain);
			plain.get(base() + "/admin/campaigns/" + id);
			plain.findElement(By.id("send-now")).click();
			new WebDriverWait(plain, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("confirm-form")).isEmpty());
			assertThat(plain.findElement(By.tagName("h1")).getText()).isEqualTo("Please confirm");
			assertThat(plain.findElement(By.tagName("main")).getText()).contains("No script needed")
				.contains("2 members").contains(list.name());
			assertThat(plain.findElements(By.cssSelector("dialog"))).isEmpty();
			Browser.screenshot(plain, "confirm-4-send-page-nojs-1280");
			plain.manage().window().setSize(new Dimension(390, 844));
			Browser.screenshot(plain, "confirm-5-send-page-nojs-390");
			assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) plain)
				.executeScript("return document.documentElement.scrollWidth")).as("fits 390 px").isLessThanOrEqualTo(390L);
			plain.manage().window().setSize(new Dimension(1280, 1000));
			assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);

			plain.findElement(By.id("confirm-cancel")).click();
			new WebDriverWait(plain, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("send-now")).isEmpty());
			assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);

			plain.findElement(By.id("send-now")).click();
			new WebDriverWait(plain, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("confirm-yes")).isEmpty());
			plain.findElement(By.id("confirm-yes")).click();
			new WebDriverWait(plain, Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.cssSelector("p.notice")).isEmpty());
			assertThat(plain.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Sending started");
			awaitCampaign(id, CampaignStatus.SENT, Duration.ofSeconds(60));
		}
		finally {
			plain.quit();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private void login(WebDriver driver) {
		ensureStaff();
		driver.get(base() + "/login");
		driver.findElement(By.id("username")).sendKeys(STAFF);
		driver.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		driver.findElement(By.id("login")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	private long campaign(MailingList list, String subject) throws Exception {
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"" + subject
					+ "\",\"body\":\"Dear {{subscriber.name}}, read [this](https://example.org/x).\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
	}

	private long deliveries(long id) {
		return jdbc.sql("select count(*) from deliveries where campaign_id = :c").param("c", id).query(Long.class).single();
	}

}
