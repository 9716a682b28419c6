package org.listserv.subscriptions;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages in Spanish in a real browser, chosen with the language switcher, at a desktop and a phone
 * width: screenshots in {@code target/screenshots/es-public-*.png}.
 */
class SpanishPublicPagesBrowserTests extends BrowserIntegrationTest {

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String path(MimeMessage message, String regex) {
		return find(message, "https?://[^/\\s]+(" + regex + ")");
	}

	@Test
	void theSwitcherTurnsThePublicPagesToSpanishAndTheyReadWellOnDesktopAndPhone() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "lucia@" + list.slug() + ".example.org";
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 1000));
			browser.manage().deleteAllCookies();
			browser.get(url("/lists"));
			clickAndWait(By.cssSelector("nav.languages a[lang=es]"));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nuestras listas");
			screenshot("es-public-lists-" + width);
			browser.get(url("/subscribe/" + list.slug()));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Suscribirse a " + list.name());
			screenshot("es-public-subscribe-" + width);
			browser.get(url("/preferences"));
			screenshot("es-public-preferences-ask-" + width);
		}
		browser.get(url("/subscribe/" + list.slug()));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("name")).sendKeys("Lucía");
		clickAndWait(By.id("join"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Revise su bandeja de entrada");
		screenshot("es-public-check-inbox-390");
		MimeMessage confirm = awaitMail(email, 1).get(0);
		assertThat(confirm.getSubject()).startsWith("Confirme, por favor");
		browser.get(url(path(confirm, "/confirm/[a-z2-7]{32}")));
		screenshot("es-public-confirm-390");
		clickAndWait(By.id("confirm"));
		assertThat(browser.findElement(By.id("joined")).getText()).isEqualTo("Ya está en la lista");
		MimeMessage welcome = awaitMail(email, 2).get(1);
		browser.get(url(path(welcome, "/preferences/\\S+")));
		screenshot("es-public-preferences-390");
		browser.manage().window().setSize(new Dimension(1280, 1000));
		screenshot("es-public-preferences-1280");
		browser.get(url(path(welcome, "/unsubscribe/\\S+")));
		screenshot("es-public-unsubscribe-1280");
		clickAndWait(By.id("leave"));
		assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Se dio de baja de " + list.name());
	}

}
