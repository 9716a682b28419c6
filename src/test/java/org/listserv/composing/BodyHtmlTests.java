package org.listserv.composing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyHtmlTests {

	private static final String BASE = "https://lists.example.org/";

	@Test
	void savedHtmlLosesScriptsHandlersStylesAndJavascriptLinksButKeepsMergeTagsInTextAndLinks() {
		String body = """
				<p style="color:red" onclick="steal()">Dear {{subscriber.name}},</p><script>alert(1)</script>
				<img src="https://example.org/a.png" alt="A march" width="600" onerror="steal()">
				<a href="javascript:alert(1)">bad</a> <a href="{{unsubscribe_url}}">Leave</a>
				<a href="https://example.org/?who={{subscriber.email}}&amp;x=1">Act</a>
				{{#subscriber.name}}<strong>Hi {{subscriber.name}}</strong>{{/subscriber.name}}""";
		for (CampaignFormat format : new CampaignFormat[] { CampaignFormat.HTML, CampaignFormat.VISUAL }) {
			String clean = BodyHtml.clean(body, format, BASE);
			assertThat(clean).doesNotContain("<script", "alert(1)", "onclick", "onerror", "style=", "javascript:")
				.contains("<p>Dear {{subscriber.name}},</p>")
				.contains("<img src=\"https://example.org/a.png\" alt=\"A march\" width=\"600\">")
				.contains("<a>bad</a>")
				.contains("<a href=\"{{unsubscribe_url}}\">Leave</a>")
				.contains("href=\"https://example.org/?who={{subscriber.email}}&amp;x=1\"")
				.contains("{{#subscriber.name}}<strong>Hi {{subscriber.name}}</strong>{{/subscriber.name}}");
		}
	}

	@Test
	void anImageOrLinkOnThisSiteBecomesAbsoluteForMailAndOtherRelativeLinksAreDropped() {
		String clean = BodyHtml.clean("<img src=\"/media/7\" alt=\"Logo\"> <a href=\"/archive/news/1\">old</a> "
				+ "<a href=\"elsewhere.html\">x</a> <img src=\"//evil.example/p.gif\" alt=\"\">", CampaignFormat.VISUAL, BASE);
		assertThat(clean).contains("<img src=\"https://lists.example.org/media/7\" alt=\"Logo\">")
			.contains("<a href=\"https://lists.example.org/archive/news/1\">old</a>")
			.contains("<a>x</a>")
			.doesNotContain("elsewhere.html");
	}

	@Test
	void aMarkdownBodyIsStoredAsTyped() {
		String markdown = "Dear {{subscriber.name}}, <b onclick=\"x()\">hi</b>\n\n[Leave]({{unsubscribe_url}})";
		assertThat(BodyHtml.clean(markdown, CampaignFormat.MARKDOWN, BASE)).isEqualTo(markdown);
		assertThat(BodyHtml.toHtml(markdown, CampaignFormat.MARKDOWN)).doesNotContain("onclick")
			.contains("<a href=\"{{unsubscribe_url}}\">Leave</a>");
	}

	@Test
	void cleaningTwiceChangesNothingMore() {
		String once = BodyHtml.clean("<h2>Title</h2><p><em>a</em> &amp; <s>b</s><br></p><ul><li>one</li></ul>",
				CampaignFormat.VISUAL, BASE);
		assertThat(BodyHtml.clean(once, CampaignFormat.VISUAL, BASE)).isEqualTo(once);
		assertThat(once).contains("<s>b</s>", "<h2>Title</h2>", "<ul><li>one</li></ul>");
	}

}
