package org.listserv.composing;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;
import org.listserv.subscriptions.Actor;
import org.listserv.subscriptions.ConsentSource;
import org.listserv.subscriptions.MemberService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff add a Spanish version to a campaign in the editor, edit it and preview it; screenshots at 1280 and 390 px. */
class CampaignVersionsBrowserTests extends BrowserIntegrationTest {

	@Autowired
	MemberService members;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void staffAddEditAndPreviewASpanishVersion() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String rosa = "rosa@" + list.slug() + ".example.org";
		members.add(list.slug(), rosa, "Rosa", Map.of(), Actor.staff(ConsentSource.ADMIN, ADMIN, null));
		jdbc.sql("update subscribers set language = 'es' where email = :e").param("e", rosa).update();
		Campaign c = campaigns.create(new CampaignRequest(list.slug(), "June news", "In short",
				"Dear {{subscriber.name}}, read [this](https://example.org/en).", null, "markdown", null, null, null,
				null, null, null), STAFF);
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(STAFF);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		clickAndWait(By.id("login"));

		browser.get("http://localhost:" + port + "/admin/campaigns/" + c.id() + "?lang=es");
		assertThat(browser.findElement(By.id("checklist")).getText())
			.contains("1 miembro lee español; recibirán la versión en inglés");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("new-version-language"))).selectByValue("es");
		clickAndWait(By.cssSelector("#add-version button"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Versión guardada");
		WebElement subject = browser.findElement(By.id("v-subject-es"));
		subject.clear();
		subject.sendKeys("Noticias de junio");
		WebElement body = browser.findElement(By.id("v-body-es"));
		body.clear();
		body.sendKeys("Estimada {{subscriber.name}}, lea [esto](https://example.org/es).");
		clickAndWait(By.cssSelector("#version-es button[type=submit]"));
		assertThat(browser.findElement(By.id("v-subject-es")).getAttribute("value")).isEqualTo("Noticias de junio");
		assertThat(campaigns.versions(c.id())).extracting(CampaignVersion::subject).containsExactly("Noticias de junio");
		assertThat(browser.findElement(By.id("checklist")).getText()).doesNotContain("recibirán la versión");

		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, 1000));
			((JavascriptExecutor) browser)
				.executeScript("document.getElementById('versions').scrollIntoView(); window.scrollBy(0, -80)");
			screenshot("es-campaign-" + width);
		}
		browser.manage().window().setSize(new Dimension(1280, 1000));
		browser.get("http://localhost:" + port + "/admin/campaigns/" + c.id() + "/preview.html?lang=es");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Estimada").contains("Ver en el navegador")
			.contains("Darse de baja");
		screenshot("es-campaign-preview-1280");
	}

}
