package org.listserv.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The readable text of a received HTML body, with jsoup: line breaks where {@code <br>} and block elements
 * (paragraphs, divs, list items, table rows, headings) are; scripts and styles left out. Linear in the input.
 */
public final class HtmlText {

	private HtmlText() {
	}

	/** The text of the HTML, stripped; "" for null. */
	public static String of(String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		Document doc = Jsoup.parse(html);
		doc.select("script, style").remove();
		doc.select("br").append("\n");
		doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, table").prepend("\n");
		return doc.wholeText().strip();
	}

}
