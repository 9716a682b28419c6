package org.listserv.composing;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.listserv.composing.Checklist.Item;
import org.listserv.composing.Checklist.Severity;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.Text;

/**
 * The rules of the pre-send checklist, in the order shown: subject present, unsubscribe link present, no
 * unknown merge fields, every link well-formed, HTML under 100 KB (Gmail clips at 102 KB), images with alt
 * text, a from address with a real domain, and active members on the list.
 */
final class ChecklistRules {

	private static final Pattern LINK_TAG = Pattern
		.compile("\\{\\{\\s*(unsubscribe_url|preferences_url|web_version_url|action\\.url)\\s*\\}\\}");

	private static final Pattern ANY_TAG = Pattern.compile("\\{\\{.*?\\}\\}");

	static final int MAX_HTML_BYTES = 100 * 1024;

	private ChecklistRules() {
	}

	/**
	 * @param sampleHtml the HTML as one recipient gets it (for its size)
	 * @param activeMembers how many ACTIVE members the list has
	 */
	static Checklist check(String subject, String fromAddress, CompiledCampaign compiled, String sampleHtml,
			long activeMembers) {
		List<Item> items = new ArrayList<>();
		boolean hasSubject = subject != null && !subject.isBlank();
		items.add(item("subject", Severity.ERROR, hasSubject));
		boolean unsubscribe = compiled.tags().stream().anyMatch(t -> t.name().equals("unsubscribe_url"));
		items.add(item("unsubscribe-link", Severity.ERROR, unsubscribe, "{{unsubscribe_url}}"));
		List<String> unknown = MergeTags.unknown(compiled.tags());
		items.add(item("merge-fields", Severity.WARNING, unknown.isEmpty(), String.join(", ", unknown)));
		Document doc = Jsoup.parse(compiled.source());
		List<String> bad = doc.select("a[href]").stream().map(a -> a.attr("href")).filter(h -> !wellFormed(h)).toList();
		items.add(item("links", Severity.ERROR, bad.isEmpty(), String.join(", ", bad)));
		int size = sampleHtml.getBytes(StandardCharsets.UTF_8).length;
		items.add(item("html-size", Severity.WARNING, size < MAX_HTML_BYTES, String.valueOf((size + 1023) / 1024)));
		long noAlt = doc.select("img").stream().filter(ChecklistRules::lacksAlt).count();
		items.add(item("alt-text", Severity.WARNING, noAlt == 0, noAlt));
		String domain = domain(fromAddress);
		boolean domainSet = domain != null && domain.contains(".") && !domain.endsWith(".invalid");
		items.add(item("from-domain", Severity.ERROR, domainSet, domain));
		items.add(item("active-members", Severity.ERROR, activeMembers > 0, activeMembers));
		return Checklist.of(items);
	}

	/**
	 * A check whose message is {@code composing.checklist.RULE.ok} when it passed, else
	 * {@code composing.checklist.RULE.failed}, both given {@code args}.
	 */
	private static Item item(String rule, Severity severity, boolean passed, Object... args) {
		return new Item(rule, severity, passed, new Text("composing.checklist." + rule + (passed ? ".ok" : ".failed"), args));
	}

	private static boolean lacksAlt(Element img) {
		return !img.hasAttr("alt") || img.attr("alt").isBlank();
	}

	/** http(s) with a host, or mailto with an address; a merge tag stands for a well-formed value. */
	static boolean wellFormed(String href) {
		String h = href.strip();
		if (LINK_TAG.matcher(h).matches()) {
			return true;
		}
		h = ANY_TAG.matcher(h).replaceAll("x");
		try {
			URI uri = new URI(h);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return switch (scheme) {
				case "http", "https" -> uri.getHost() != null && uri.getHost().contains(".") || "localhost".equals(uri.getHost());
				case "mailto" -> EmailAddress.isValid(beforeQuery(uri.getSchemeSpecificPart()));
				default -> false;
			};
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String domain(String address) {
		try {
			return EmailAddress.parse(address).domain();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String beforeQuery(String s) {
		int q = s.indexOf('?');
		return q < 0 ? s : s.substring(0, q);
	}

}
