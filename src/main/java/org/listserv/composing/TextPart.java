package org.listserv.composing;

import com.google.re2j.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The text alternative of an HTML message, derived with jsoup: block elements on their own lines, list
 * items with a dash, links as "text (URL)", images as their alt text; the head, styles and the hidden
 * preheader ({@code class="preheader"}) left out.
 */
final class TextPart {

	private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\x{00A0}]+");

	private static final Pattern SPACES_AROUND_LINE_END = Pattern.compile(" *\\n *");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

	private static final Pattern PARAGRAPH_LIKE = Pattern.compile("p|h[1-6]|table|blockquote|ul|ol");

	private TextPart() {
	}

	static String of(String html) {
		StringBuilder out = new StringBuilder();
		walk(Jsoup.parse(html).body(), out);
		String text = SPACES.matcher(out).replaceAll(" ");
		text = SPACES_AROUND_LINE_END.matcher(text).replaceAll("\n");
		return BLANK_LINES.matcher(text).replaceAll("\n\n").strip() + "\n";
	}

	private static void walk(Node node, StringBuilder out) {
		for (Node child : node.childNodes()) {
			if (child instanceof TextNode text) {
				out.append(WHITESPACE.matcher(text.getWholeText()).replaceAll(" "));
			}
			else if (child instanceof Element e) {
				element(e, out);
			}
		}
	}

	private static void element(Element e, StringBuilder out) {
		String tag = e.normalName();
		if (tag.equals("style") || tag.equals("script") || tag.equals("head") || e.hasClass("preheader")
				|| e.hasAttr("hidden")) {
			return;
		}
		switch (tag) {
			case "br" -> out.append('\n');
			case "img" -> out.append(e.attr("alt"));
			case "hr" -> out.append("\n----\n");
			case "li" -> {
				out.append("\n- ");
				walk(e, out);
				out.append('\n');
			}
			case "a" -> {
				int start = out.length();
				walk(e, out);
				String label = out.substring(start).strip();
				String href = e.attr("href").strip();
				if (!href.isEmpty() && !href.equals(label) && !("mailto:" + label).equals(href)) {
					out.append(label.isEmpty() ? href : " (" + href + ")");
				}
			}
			default -> {
				boolean block = e.isBlock() || tag.equals("tr") || tag.equals("table");
				if (block) {
					out.append('\n');
				}
				walk(e, out);
				if (block) {
					out.append(PARAGRAPH_LIKE.matcher(tag).matches() ? "\n\n" : "\n");
				}
			}
		}
	}

}
