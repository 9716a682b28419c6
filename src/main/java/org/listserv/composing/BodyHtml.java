package org.listserv.composing;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * A staff-written body made safe HTML that is still a Mustache template: Markdown through CommonMark,
 * then jsoup's safelist (no scripts, no event handlers, only http, https and mailto links). Merge tags are
 * swapped for harmless placeholder URLs first, so that Markdown and the sanitiser leave them alone (a
 * {@code {{unsubscribe_url}}} as a link target would otherwise be dropped as a relative link), and swapped
 * back afterwards.
 * <p>
 * The allow-list ({@link #SAFELIST}, documented in docs/guide.md): jsoup's {@code relaxed} (text formatting,
 * headings, lists, tables, quotes, {@code img} with {@code src alt width height title}) plus {@code hr s center
 * font}; links and images with http or https URLs only, links also mailto; no scripts, no styles, no
 * {@code style} or {@code class} attributes, no event handlers. Merge tags survive in text and in URLs.
 */
final class BodyHtml {

	private static final Pattern TAG = Pattern.compile("\\{\\{\\{.*?\\}\\}\\}|\\{\\{.*?\\}\\}", Pattern.DOTALL);

	private static final Pattern PLACEHOLDER = Pattern.compile("https://merge\\.invalid/(\\d+)/");

	private static final Parser MARKDOWN = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

	private static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("hr", "s", "center", "font")
		.addAttributes(":all", "title", "dir", "lang")
		.addAttributes("a", "title")
		.addAttributes("td", "align", "valign")
		.addAttributes("th", "align", "valign")
		.removeProtocols("a", "href", "ftp")
		.addProtocols("a", "href", "mailto");

	/** Text with its merge tags replaced by placeholders, and the tags to put back. */
	record Tokenized(String text, List<String> tags) {

		String restore(String s) {
			Matcher m = PLACEHOLDER.matcher(s);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				int n = Integer.parseInt(m.group(1));
				m.appendReplacement(out, Matcher.quoteReplacement(n < tags.size() ? tags.get(n) : ""));
			}
			m.appendTail(out);
			return out.toString();
		}

	}

	private BodyHtml() {
	}

	static Tokenized tokenize(String source) {
		List<String> tags = new ArrayList<>();
		Matcher m = TAG.matcher(source);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, "https://merge.invalid/" + tags.size() + "/");
			tags.add(m.group());
		}
		m.appendTail(out);
		return new Tokenized(out.toString(), tags);
	}

	/** The body as sanitised HTML, its merge tags intact. */
	static String toHtml(String body, CampaignFormat format) {
		Tokenized t = tokenize(body);
		String html = format == CampaignFormat.MARKDOWN ? RENDERER.render(MARKDOWN.parse(t.text())) : t.text();
		return t.restore(sanitize(html));
	}

	/**
	 * The body to store: an HTML or VISUAL body sanitised (merge tags intact; a link or image on this site
	 * such as {@code /media/1} made absolute against {@code baseUrl}, as mail needs; other relative links are
	 * dropped), a Markdown body as typed.
	 */
	static String clean(String body, CampaignFormat format, String baseUrl) {
		if (body == null || !format.html()) {
			return body;
		}
		Tokenized t = tokenize(body);
		Document doc = Jsoup.parseBodyFragment(t.text());
		doc.outputSettings().prettyPrint(false);
		String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
		for (Element e : doc.select("[src^=/], [href^=/]")) {
			for (String attribute : List.of("src", "href")) {
				String v = e.attr(attribute);
				if (v.startsWith("/") && !v.startsWith("//")) {
					e.attr(attribute, base + v.substring(1));
				}
			}
		}
		return t.restore(sanitize(doc.body().html()));
	}

	static String sanitize(String html) {
		Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(html, "", SAFELIST, settings);
	}

}
