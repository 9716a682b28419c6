package org.listserv.posting;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spanish list's public archive and the bounces dashboard in Spanish, in a real browser at a desktop and a
 * phone width (screenshots target/screenshots/es-archive-*.png and es-bounces-*.png).
 */
class SpanishPagesBrowserTests extends BrowserIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PostingSettings settings;

	private void post(MailingList list, String subject, String body) {
		jdbc.sql("""
				insert into posts (list_id, raw_sha256, status, sender, sender_name, subject, body_text, raw,
				                   search_config, distributed_at)
				values (:l, md5(:s), 'DISTRIBUTED', 'rosa@example.org', 'Rosa', :s, :b, '\\x00'::bytea,
				        listserv_search_config('es'), now())
				""").param("l", list.id()).param("s", subject).param("b", body).update();
	}

	@Test
	void theArchiveOfASpanishListIsInSpanishAndFindsWordsWithoutAccents() throws Exception {
		MailingList list = listService.update(newList("ACTION").slug(), new ListRequest(null, "Red por la paz", null,
				null, null, null, null, null, null, null, null, null, null, null, null, "es"));
		settings.save(list.id(), new PostSettings(null, "SENDER", 524_288, 10, false, "PUBLIC", "DAILY"));
		post(list, "Acción urgente el sábado", "Defendemos los derechos de las comunidades desplazadas.");
		post(list, "Reunión del comité", "Nos vemos el martes a las 18:00 en la sede.");
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
			browser.get("http://localhost:" + port + "/archive/" + list.slug());
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Archivo de Red por la paz");
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Conversaciones por mes",
					"Boletines y alertas de acción");
			screenshot("es-archive-1-index-" + width);
			browser.get("http://localhost:" + port + "/archive/" + list.slug() + "/search?q=accion+derecho");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Búsqueda");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Acción urgente el sábado")
				.doesNotContain("Reunión del comité");
			screenshot("es-archive-2-search-" + width);
		}
	}

	@Test
	void theBouncesDashboardIsInSpanish() throws Exception {
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until(d -> d.getCurrentUrl().endsWith("/admin"));
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
			browser.get("http://localhost:" + port + "/admin/bounces?lang=es");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rebotes");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Procesar los rebotes ahora",
					"Motivos más frecuentes", "Por campaña", "rebotes permanentes");
			screenshot("es-bounces-1-dashboard-" + width);
		}
		browser.manage().deleteCookieNamed("listserv-lang");
	}

}
