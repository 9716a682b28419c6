package org.listserv.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff side in Spanish in a real browser, at a desktop and a phone width: the admin home, a list's page
 * and a member's consent history (screenshots target/screenshots/es-admin-*.png). Spanish words are longer:
 * at 390 px no page is wider than the screen.
 */
class AdminSpanishBrowserTests extends BrowserIntegrationTest {

	@AfterEach
	void backToTheBrowsersLanguage() {
		browser.manage().deleteCookieNamed("listserv-lang");
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void theAdminHomeTheListPageAndAMembersHistoryAreSpanishAndFitAPhone() throws Exception {
		MailingList list = newList("ACTION");
		addMember(list, "rosa-" + System.nanoTime() + "@example.org", "Rosa Martínez");
		addMembers(list, "socia", 3);
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get("http://localhost:" + port + "/login?lang=es");
		assertThat(browser.findElement(By.id("login")).getText()).isEqualTo("Iniciar sesión");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));

		browser.get("http://localhost:" + port + "/admin/lists/" + list.slug());
		Matcher subscriber = Pattern.compile("/admin/subscribers/(\\d+)").matcher(browser.getPageSource());
		assertThat(subscriber.find()).as("a member links to its history").isTrue();
		String history = "/admin/subscribers/" + subscriber.group(1);

		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));

			browser.get("http://localhost:" + port + "/admin");
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inicio");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Borradores", "Programadas",
					"Listas", list.name());
			fitsTheScreen("/admin", width);
			screenshot("es-admin-1-home-" + width);

			browser.get("http://localhost:" + port + "/admin/lists/" + list.slug());
			String page = browser.findElement(By.tagName("main")).getText();
			assertThat(page).contains("Miembros", "Agregar un miembro", "Importar y exportar", "Configuración")
				.doesNotContain("ACTIVE", "REGULAR", "Add a member", "Save settings");
			fitsTheScreen("list page", width);
			screenshot("es-admin-2-list-" + width);

			browser.get("http://localhost:" + port + history);
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Historial de consentimiento")
				.doesNotContain("ACTIVE", "Consent history");
			fitsTheScreen("subscriber page", width);
			screenshot("es-admin-3-subscriber-" + width);

			browser.get("http://localhost:" + port + "/admin/users");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Usuarios");
			assertThat(browser.findElement(By.id("users")).getText()).contains("Administrador", "El del navegador")
				.doesNotContain("ADMIN", "enabled");
			fitsTheScreen("/admin/users", width);
			screenshot("es-admin-4-users-" + width);
		}
	}

	private static void fitsTheScreen(String page, int width) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		long scroll = (Long) js.executeScript("return document.documentElement.scrollWidth");
		long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
		assertThat(scroll).as("%s at %s px is no wider than the screen", page, width).isLessThanOrEqualTo(viewport);
	}

}
