package org.listserv.posting;

import java.time.Duration;

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
 * The inbound page, the outbox and a member's bounces in Spanish, in a real browser at a desktop and a phone
 * width (screenshots target/screenshots/es-ops-*.png); none is wider than the phone's screen.
 */
class SpanishOperationsBrowserTests extends BrowserIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void inboundOutboxAndAMembersBouncesAreInSpanishAtDesktopAndPhoneWidth() throws Exception {
		MailingList list = newList("ACTION");
		String rosa = "rosa.fernandez@" + list.slug() + ".example.org";
		addMember(list, rosa, "Rosa");
		long member = jdbc.sql("select id from subscribers where email = :e").param("e", rosa).query(Long.class).single();
		long failed = jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw, state, note, attempts, processed_at)
				values ('SMTP', :f, :t, 'Convocatoria del sábado', 5, '\\x48'::bytea, 'FAILED',
				        'Malformed message: The message has no header', 1, now()) returning id
				""").param("f", rosa).param("t", list.slug() + "@lists.example.org").query(Long.class).single();
		jdbc.sql("""
				insert into bounce_events (list_id, subscriber_id, inbound_message_id, source, recipient, kind,
				                           classification, reason, status, reply_code, diagnostic, counted, score, action)
				values (:l, :s, :m, 'SMTP', :e, 'DSN', 'HARD', 'userunknown', '5.1.1', 550,
				        '550 5.1.1 <rosa.fernandez@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
				        true, 3, 'DISABLED')
				""").param("l", list.id()).param("s", member).param("m", failed).param("e", rosa).update();
		jdbc.sql("update memberships set status = 'DISABLED', bounce_score = 3 where list_id = :l and subscriber_id = :s")
			.param("l", list.id()).param("s", member).update();
		jdbc.sql("""
				insert into outbox (kind, from_address, to_address, subject, text_body, state, attempts, last_error)
				values ('welcome', 'lista@example.org', :t, 'Bienvenida a la lista', 'Hola', 'FAILED', 3,
				        '550 5.1.1 mailbox unavailable')
				""").param("t", rosa).update();

		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
			browser.get("http://localhost:" + port + "/admin/inbound?lang=es");
			assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Correo entrante");
			assertThat(browser.findElement(By.id("inbound")).getText()).contains("Fallido", "Convocatoria del sábado");
			fits(width);
			screenshot("es-ops-1-inbound-" + width);
			browser.get("http://localhost:" + port + "/admin/inbound/" + failed);
			assertThat(browser.findElement(By.id("envelope")).getText()).contains("Remitente del sobre", "Fallido");
			fits(width);
			screenshot("es-ops-2-inbound-message-" + width);
			browser.get("http://localhost:" + port + "/admin/outbox");
			assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Bandeja de salida");
			assertThat(browser.findElement(By.id("outbox")).getText()).contains("Bienvenida", "fallido", "abandonado");
			fits(width);
			screenshot("es-ops-3-outbox-" + width);
			browser.get("http://localhost:" + port + "/admin/bounces/members/" + member);
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rebotes de " + rosa);
			assertThat(browser.findElement(By.id("events")).getText()).contains("Permanente", "usuario desconocido",
					"contado, puntuación 3", "Desactivado");
			fits(width);
			screenshot("es-ops-4-bounce-member-" + width);
		}
		browser.manage().deleteCookieNamed("listserv-lang");
	}

	private void fits(int width) {
		long page = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
		long screen = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
		assertThat(page).as(browser.getCurrentUrl() + " at " + width + " px").isLessThanOrEqualTo(screen);
	}

}
