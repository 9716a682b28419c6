package org.listserv.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.listserv.BrowserIntegrationTest;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;
import org.listserv.sending.CampaignSending;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every page a person can reach, in a real browser: after seeding the things that make pages exist (lists,
 * members with long and missing names, a draft and a sent campaign, a held post, a bounce in the review
 * queue, a subscriber's confirmation and preference pages), the test follows every link from the admin home
 * and the public pages (one page per URL shape: {@code /admin/lists/x/members/7} stands for all members) and,
 * on each page: axe-core (Deque's, bundled by {@code com.deque.html.axe-core:selenium}) finds no serious or
 * critical violation in the light theme; the colour-contrast rule passes in the dark theme too
 * ({@code prefers-color-scheme: dark}, emulated through the DevTools protocol); and at a 390 px wide viewport
 * the page is no wider than the screen. The confirmation pages (send now, delete a list, remove a member,
 * leave all lists) are checked the same way, reached by posting their forms without the confirmation. Every
 * page at 390 px is saved in {@code target/screenshots/pages/}.
 */
class EveryPageBrowserTests extends BrowserIntegrationTest {

	private static final int MAX_PAGES = 150;

	/** Links the crawl does not follow: files, frames with mail in them, logging out, images. */
	private static final List<String> SKIPPED = List.of("/logout", ".csv", ".mbox", ".txt", "/preview.html", "/webjars/",
			"/media/", "/api/", "/actuator", "/css/", "/js/", "/raw", "/download", "/export");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignSending sending;

	/** What {@link #seed} made that the confirmation pages start from. */
	private record Seeded(String list, long draft) {
	}

	private Seeded seeded;

	@Test
	void everyPageHasNoSeriousAccessibilityViolationInEitherThemeAndFitsAPhone() throws Exception {
		long start = System.nanoTime();
		Map<String, String> publicPages = seed();
		Seeded seeded = this.seeded;
		Map<String, String> pages = new LinkedHashMap<>(publicPages);
		login();
		pages.putAll(crawl(List.of("/admin", "/admin/lists", "/admin/account")));
		String origin = "http://localhost:" + port;
		pages.put("confirm: send now", SUBMIT + origin + "/admin/campaigns/" + seeded.draft() + "|#send-now-form");
		pages.put("confirm: delete list", SUBMIT + origin + "/admin/lists/" + seeded.list() + "|#delete-list");
		pages.put("confirm: remove member", SUBMIT + origin + "/admin/lists/" + seeded.list() + "|form[action$='/members/remove']");
		pages.put("confirm: leave all lists", SUBMIT + publicPages.get("/preferences/{token}") + "|#leave-all-form");
		System.err.println("EveryPage: seed and crawl " + (System.nanoTime() - start) / 1_000_000 + " ms");
		assertThat(pages).as("pages found").hasSizeGreaterThan(20);

		List<String> problems = new ArrayList<>();
		JavascriptExecutor js = (JavascriptExecutor) browser;
		Dimension before = browser.manage().window().getSize();
		long t0 = System.nanoTime();
		try {
			System.err.println("EveryPage: " + pages.size() + " pages: " + pages.keySet());
						for (Map.Entry<String, String> page : pages.entrySet()) {
				open(page.getValue());
				report(problems, page.getValue(), "light", new AxeBuilder().disableIframeTesting().analyze(browser));
				darkTheme(true);
				report(problems, page.getValue(), "dark",
						new AxeBuilder().disableIframeTesting().withRules(List.of("color-contrast")).analyze(browser));
				darkTheme(false);
			}
			System.err.println("EveryPage: axe in both themes " + (System.nanoTime() - t0) / 1_000_000 + " ms");
			t0 = System.nanoTime();
			darkTheme(false);
			browser.manage().window().setSize(new Dimension(390, 844));
			for (Map.Entry<String, String> page : pages.entrySet()) {
				open(page.getValue());
				long width = (Long) js.executeScript("return document.documentElement.scrollWidth");
				long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
				if (width > viewport) {
					problems.add(page.getValue() + " at 390 px: the page is " + width + " px wide, the screen " + viewport
							+ " px; widest: " + js.executeScript(WIDEST));
				}
				screenshot("pages/" + page.getKey().replaceAll("[^A-Za-z0-9]+", "_"));
			}
		}
		finally {
			System.err.println("EveryPage: phone " + (System.nanoTime() - t0) / 1_000_000 + " ms");
			darkTheme(false);
			browser.manage().window().setSize(before);
			browser.manage().deleteAllCookies();
		}
		assertThat(problems).as("problems on %d pages: %s", pages.size(), pages.keySet()).isEmpty();
	}

	/** The element that sticks out furthest to the right, to say what makes a page too wide. */
	private static final String WIDEST = """
			const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
			    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
			let w = null, r = 0;
			for (const e of document.querySelectorAll('body *')) {
			  const b = e.getBoundingClientRect();
			  if (b.right > r && !scrolls(e)) { r = b.right; w = e; }
			}
			return w ? w.tagName + (w.id ? '#' + w.id : '') + '.' + w.className + ' right=' + Math.round(r) : 'none';
			""";

	private static void report(List<String> problems, String url, String theme, Results results) {
		for (Rule rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				StringBuilder targets = new StringBuilder();
				rule.getNodes().stream().limit(3).forEach(n -> targets.append(" ").append(n.getTarget()));
				problems.add(url + " (" + theme + "): " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp()
						+ " at" + targets);
			}
		}
	}

	private static void darkTheme(boolean dark) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
	}

	private void open(String url) {
		if (url.startsWith(SUBMIT)) {
			String[] page = url.substring(SUBMIT.length()).split("\\|", 2);
			open(page[0]);
			((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).submit()", page[1]);
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("confirm-form")).isEmpty());
			return;
		}
		browser.get(url);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/**
	 * A visit that is a destructive form posted without its confirmation ({@code form.submit()} passes by
	 * confirm.js), so that the server answers with its confirmation page: {@code submit:URL|form selector}.
	 */
	private static final String SUBMIT = "submit:";

	/**
	 * Follows the links of the admin pages, breadth first, from the given starts: one URL per shape (digits
	 * and list slugs folded), same origin, GET only, at most {@value #MAX_PAGES} pages.
	 */
	private Map<String, String> crawl(List<String> starts) {
		String origin = "http://localhost:" + port;
		Map<String, String> found = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		starts.forEach(s -> queue.add(origin + s));
		while (!queue.isEmpty() && found.size() < MAX_PAGES) {
			String url = queue.poll();
			String shape = shape(url);
			if (found.containsKey(shape)) {
				continue;
			}
			open(url);
			if (!browser.getCurrentUrl().startsWith(origin) || browser.getCurrentUrl().endsWith("/login")) {
				continue;
			}
			found.put(shape, url);
			for (WebElement link : browser.findElements(By.cssSelector("a[href]"))) {
				String href = link.getAttribute("href");
				if (href == null || !href.startsWith(origin)) {
					continue;
				}
				String path = URI.create(href).getPath();
				if (SKIPPED.stream().anyMatch(path::contains) || href.contains("#") && shape(href).equals(shape)) {
					continue;
				}
				String clean = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
				if (!found.containsKey(shape(clean))) {
					queue.add(clean);
				}
			}
		}
		return found;
	}

	/** A URL's shape: its path with numbers and test list slugs folded, and the names of its query parameters. */
	private static String shape(String url) {
		URI uri = URI.create(url);
		String path = uri.getPath().replaceAll("/t\\d+-\\d+-[a-z0-9]+", "/{slug}").replaceAll("/\\d+", "/{n}")
			.replaceAll("/[^/]*@[^/]*", "/{email}");
		String query = uri.getQuery() == null ? "" : "?" + String.join("&", uri.getQuery().replaceAll("=[^&]*", "").split("&"));
		return path + (Set.of("?page", "?before", "?after").contains(query) ? "" : query);
	}

	private void login() {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
	}

	/**
	 * Makes the things that pages show, and returns the public pages a subscriber reaches through mail (which
	 * no admin link leads to), keyed by shape.
	 */
	private Map<String, String> seed() throws Exception {
		MailingList news = newList("INFORMATIONAL");
		MailingList alerts = listService.update(newList("ACTION").slug(), new ListRequest(null,
				"Urgent action alerts of the Latin America working group for peace and human rights in Colombia",
				null, null, null, "MEMBERS", null, null, null, null, true, null, null));
		listService.update(news.slug(), new ListRequest(null, null, null, null, null, null, null, null, null, null, true,
				null, null));
		String longWord = "Solidaridad".repeat(12);
		addMember(news, "rosa@" + news.slug() + ".example.org", "Rosa María Quispe Huamán");
		addMember(news, "nameless@" + news.slug() + ".example.org", "");
		addMember(news, "long@" + news.slug() + ".example.org", longWord);
		addMember(alerts, "xena@" + alerts.slug() + ".example.org", "Xena");

		long draft = campaign(news, "December news", "Dear {{subscriber.name}},\n\nOur [report](https://example.org/r).");
		long sent = campaign(news, "November news", "Hello {{subscriber.name}}, the vigil is on Friday.");
		sending.send(sent);
		awaitCampaign(sent, CampaignStatus.SENT, Duration.ofSeconds(60));
		assertThat(draft).isPositive();
		this.seeded = new Seeded(news.slug(), draft);

		deliverInbound("neighbour@example.net", alerts.slug() + "@lists.example.org", "From: Neighbour <neighbour@example.net>\nTo: list\n"
				+ "Subject: Vigil on Friday\nMessage-ID: <vigil-" + alerts.slug() + "@example.net>\n\nCandles at six.\n");
		deliverInbound("postmaster@example.net", news.slug() + "-bounces@lists.example.org", "From: postmaster@example.net\nTo: bounces\n"
				+ "Subject: Something happened\nMessage-ID: <odd-" + news.slug() + "@example.net>\n\nNot a report we can read.\n");
		await("the held post").atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from posts where list_id = :l").param("l", alerts.id())
				.query(Long.class).single() == 1);

		// a subscriber's pages: subscribe, the confirmation page, the preference page
		Map<String, String> pages = new LinkedHashMap<>();
		String origin = "http://localhost:" + port;
		pages.put("/lists", origin + "/lists");
		pages.put("/subscribe/{slug}", origin + "/subscribe/" + news.slug());
		pages.put("/archive/{slug}", origin + "/archive/" + news.slug());
		pages.put("/archive/{slug}/{n}", origin + "/archive/" + news.slug() + "/" + sent);
		// an archived post with a long unbroken line (a tracking link): its month and thread pages must fit a phone
		long longPost = jdbc.sql("""
				insert into posts (list_id, raw_sha256, status, sender, sender_name, subject, body_text, raw, distributed_at)
				values (:l, md5(:b), 'DISTRIBUTED', 'rosa@example.org', 'Rosa', 'Read the report', :b, '\\x00'::bytea,
				        timestamptz '2026-03-15 12:00:00Z')
				returning id
				""").param("l", news.id()).param("b", "The report:\nhttps://example.org/reports/" + "a".repeat(160)
						+ "?utm_source=" + "b".repeat(80) + "\nSee you there.").query(Long.class).single();
		pages.put("/archive/{slug}/months/{yyyy-mm}", origin + "/archive/" + news.slug() + "/months/2026-03");
		pages.put("/archive/{slug}/threads/{id}", origin + "/archive/" + news.slug() + "/threads/" + longPost);
		pages.put("/login", origin + "/login");
		pages.put("/no-such-page", origin + "/admin/no-such-page");
		String email = "ana@" + news.slug() + ".example.org";
		open(origin + "/subscribe/" + news.slug());
		browser.findElement(By.name("email")).sendKeys(email);
		clickAndWait(By.cssSelector("form button[type=submit]"));
		pages.put("/subscribe/{slug} (check your inbox)", browser.getCurrentUrl());
		String confirm = find(awaitMail(email, 1).get(0), "(http://\\S+/confirm/[a-z2-7]{32})");
		pages.put("/confirm/{token}", local(confirm));
		open(local(confirm));
		WebElement confirmButton = browser.findElements(By.cssSelector("main form button[type=submit]")).stream().findFirst()
			.orElse(null);
		if (confirmButton != null) {
			confirmButton.click();
			awaitGone(confirmButton);
		}
		String preferences = find(awaitMail(email, 2).get(1), "(http://\\S+/preferences/\\S+)");
		pages.put("/preferences/{token}", local(preferences));
		pages.put("/preferences", origin + "/preferences");
		return pages;
	}

	private String local(String url) {
		return url.replaceFirst("^http://[^/]+", "http://localhost:" + port);
	}

	private long campaign(MailingList list, String subject, String body) throws Exception {
		String json = mvc.perform(post("/api/campaigns").with(httpBasic(STAFF, STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"" + subject + "\",\"body\":\""
					+ body.replace("\n", "\\n") + "\"}"))
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
	}

}
