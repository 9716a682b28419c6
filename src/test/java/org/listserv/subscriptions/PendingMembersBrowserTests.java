package org.listserv.subscriptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.lists.MailingList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real browser imports people as pending, reads how many confirmation requests go out, sends
 * them all again after the confirmation page that shows how many, and follows them in the outbox.
 */
class PendingMembersBrowserTests extends BrowserIntegrationTest {

	@Test
	void anAdminImportsPendingMembersRemindsThemAllAndFollowsTheRequestsInTheOutbox() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String domain = list.slug() + ".example.org";
		Path csv = Files.createTempFile("pending", ".csv");
		Files.writeString(csv, "email,name\nfirst@" + domain + ",First\nsecond@" + domain + ",\n");
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		clickAndWait(By.id("login"));

		browser.get("http://localhost:" + port + "/admin/lists/" + list.slug());
		browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(csv.toString());
		browser.findElement(By.cssSelector("#import select[name=mode] option[value=PENDING]")).click();
		clickAndWait(By.cssSelector("#import button"));
		assertThat(browser.findElement(By.id("import-confirmations")).getText())
			.startsWith("2 confirmation requests go out, at most");
		awaitMail("first@" + domain, 1);
		awaitMail("second@" + domain, 1);
		screenshot("pending-1-imported");

		browser.navigate().refresh();
		clickAndWait(By.id("resend-all"));
		assertThat(browser.findElement(By.id("confirm-question")).getText())
			.startsWith("Send the confirmation request again to 2 pending members");
		screenshot("pending-2-confirm-resend-all");
		clickAndWait(By.id("confirm-yes"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.startsWith("2 confirmation requests queued");
		awaitMail("first@" + domain, 2);
		awaitMail("second@" + domain, 2);

		clickAndWait(By.linkText("Outbox"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
			d.navigate().refresh();
			return d.findElements(By.xpath("//table[@id='outbox']//tr[td[normalize-space()='second@" + domain
					+ "'] and td[normalize-space()='Confirmation request'] and .//span[normalize-space()='sent']]")).size() == 2;
		});
		screenshot("pending-3-outbox");
		Files.delete(csv);
	}

}
