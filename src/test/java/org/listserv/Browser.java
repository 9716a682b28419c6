package org.listserv;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Selenium, for the {@code *BrowserTests}: where Chromium or
 * ChromeDriver is missing, each test is skipped with a message that says so ({@code .ci/run} installs both).
 */
public final class Browser {

	static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	private Browser() {
	}

	/** Why browser tests cannot run here, or null when they can. */
	public static String missing() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? null
				: "Browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER
						+ " are needed (apt-get install chromium chromium-driver)";
	}

	public static WebDriver start() {
		return start(true);
	}

	/** A browser with JavaScript on, or off (to try the pages' no-script path). */
	public static WebDriver start(boolean javascript) {
		Assumptions.assumeTrue(missing() == null, missing());
		ChromeOptions options = new ChromeOptions();
		if (!javascript) {
			options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return browser;
	}

	/** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
	public static void screenshot(WebDriver browser, String name) throws Exception {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path file = Path.of("target/screenshots").resolve(name + ".png");
		Files.createDirectories(file.getParent());
		Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
	}

}
