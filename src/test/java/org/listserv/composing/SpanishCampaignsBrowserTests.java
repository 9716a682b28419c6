package org.listserv.composing;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin who reads Spanish (chosen once with the switcher, then remembered) sees the campaigns list and
 * the Sending page in Spanish, with campaign states and dates in words and numbers of her language;
 * screenshots at 1280 and 390 px. Skipped, saying why, without Chromium and ChromeDriver.
 */
class SpanishCampaignsBrowserTests extends BrowserIntegrationTest {

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private static String row(String subject) {
		return browser.findElement(By.xpath("//tr[td/a[normalize-space()='" + subject + "']]")).getText();
	}

	@Test
	void campaignsListAndSendingPageReadInSpanish() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		campaigns.create(new CampaignRequest(list.slug(), "Boletín de junio", null, "Hola {{subscriber.name}}.", null,
				"markdown", null, null, null, null, null, null), STAFF);
		Campaign sent = campaigns.create(new CampaignRequest(list.slug(), "Alerta: defensores en riesgo", null,
				"Actúe hoy.", null, "markdown", null, null, null, null, null, null), STAFF);
		jdbc.sql("update campaigns set status = 'SENT' where id = :id").param("id", sent.id()).update();

		browser.manage().window().setSize(new Dimension(1280, 1000));
		browser.get("http://localhost:" + port + "/login?lang=es");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		clickAndWait(By.id("login"));

		browser.get("http://localhost:" + port + "/admin/campaigns");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Campañas");
		// other tests' campaigns share the database: read the rows of this test's two
		assertThat(row("Boletín de junio")).contains("Borrador").doesNotContain("Draft");
		assertThat(row("Alerta: defensores en riesgo")).contains("Enviada").doesNotContain("Sent");
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, 1000));
			screenshot("es-campaigns-" + width);
		}

		browser.manage().window().setSize(new Dimension(1280, 1000));
		browser.get("http://localhost:" + port + "/admin/sending");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Envío");
		WebElement form = browser.findElement(By.id("set-rate"));
		form.findElement(By.name("domain")).sendKeys("es-browser.example");
		form.findElement(By.name("perSecond")).sendKeys("12,5");
		form.findElement(By.tagName("button")).click();
		awaitGone(form);
		assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
			.isEqualTo("Velocidad de es-browser.example fijada en 12,5/s");
		assertThat(browser.findElement(By.id("rates")).getText()).contains("es-browser.example").contains("12,5");
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, 1000));
			screenshot("es-sending-" + width);
		}
	}

}
