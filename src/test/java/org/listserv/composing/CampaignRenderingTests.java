package org.listserv.composing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignRenderingTests {

	static final Map<String, Object> BASE = Map.of("list", Map.of("name", "News & Views", "footer", "Peace Org, 1 Main St"),
			"campaign", Map.of("subject", "June", "preheader", "In short"), "preheader", "In short", "web_version_url",
			"https://lists.example.org/archive/news/1", "date", "1 June 2026", "t",
			Map.of("view_in_browser", "View in your browser", "unsubscribe", "Unsubscribe", "preferences",
					"Manage your subscriptions", "action_alert", "Action alert", "act_by", "Act by", "joined",
					"You receive this because you joined News & Views."));

	static final Recipient EVIL = new Recipient(1, "evil@example.org", "<img src=x onerror=alert(1)>",
			Map.of("city", "<b>Oslo</b>"), new MemberLinks.Links("https://lists.example.org/unsubscribe/TOKEN",
					"https://lists.example.org/preferences/PREFS"));

	static String layout(String name) throws Exception {
		return Files.readString(Path.of("templates/layouts/" + name + ".html"));
	}

	static CompiledCampaign compile(String body, CampaignFormat format) throws Exception {
		return CompiledCampaign.compile(body, format, layout("newsletter"), BASE);
	}

	@Test
	void escapesMergeValuesFromSubscribersInHtml() throws Exception {
		CompiledCampaign.Rendered r = compile("Dear {{subscriber.name}} from {{subscriber.attributes.city}}",
				CampaignFormat.MARKDOWN).render(EVIL);
		assertThat(r.html()).doesNotContain("<img src=x").doesNotContain("<b>Oslo")
			.contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;")
			.contains("&lt;b&gt;Oslo&lt;/b&gt;");
		assertThat(r.text()).contains("Dear <img src=x onerror=alert(1)> from <b>Oslo</b>");
	}

	@Test
	void aMemberWithoutANameIsGreetedWithTheListsFallbackNeverDearComma() throws Exception {
		Map<String, Object> base = new java.util.HashMap<>(BASE);
		base.put("list", Map.of("name", "News", "footer", "", "greeting_fallback", "supporter"));
		CompiledCampaign c = CompiledCampaign.compile("Dear {{subscriber.name}}, hi {{subscriber.first_name}}! "
				+ "{{#subscriber.has_name}}Named.{{/subscriber.has_name}}{{^subscriber.has_name}}Nameless.{{/subscriber.has_name}}",
				CampaignFormat.MARKDOWN, layout("newsletter"), base);
		MemberLinks.Links links = EVIL.links();
		CompiledCampaign.Rendered nameless = c.render(new Recipient(2, "x@example.org", "  ", Map.of(), links));
		assertThat(nameless.text()).contains("Dear supporter, hi supporter! Nameless.").doesNotContain("Dear ,");
		assertThat(nameless.html()).contains("Dear supporter, hi supporter! Nameless.");
		CompiledCampaign.Rendered named = c.render(new Recipient(3, "y@example.org", "Ada Lovelace", Map.of(), links));
		assertThat(named.text()).contains("Dear Ada Lovelace, hi Ada! Named.");
		// a base without the list setting still never says "Dear ,"
		assertThat(compile("Dear {{subscriber.name}},", CampaignFormat.MARKDOWN)
			.render(new Recipient(4, "z@example.org", "", Map.of(), links)).text()).contains("Dear friend,");
	}

	@Test
	void refusesUnescapedValuesPartialsAndBadTagsInABodyWithTheirPosition() {
		assertThatThrownBy(() -> compile("Hi\n  {{{subscriber.name}}}", CampaignFormat.MARKDOWN))
			.isInstanceOfSatisfying(TemplateSyntaxException.class, ex -> {
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.column()).isEqualTo(3);
				assertThat(ex.problem().key()).isEqualTo("composing.syntax.unescaped");
			});
		assertThatThrownBy(() -> compile("{{> secrets}}", CampaignFormat.MARKDOWN))
			.isInstanceOfSatisfying(TemplateSyntaxException.class, ex -> assertThat(ex.problem().key()).isEqualTo("composing.syntax.partials"));
		assertThatThrownBy(() -> compile("a\nb {{#list.name}} c", CampaignFormat.MARKDOWN))
			.isInstanceOfSatisfying(TemplateSyntaxException.class, ex -> {
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.column()).isEqualTo(3);
				assertThat(ex.problem().key()).isEqualTo("composing.syntax.never-closed");
			});
		assertThatThrownBy(() -> compile("x {{ bad name }}", CampaignFormat.HTML))
			.isInstanceOfSatisfying(TemplateSyntaxException.class, ex -> assertThat(ex.column()).isEqualTo(3));
		assertThatThrownBy(() -> CompiledCampaign.compile("hi", CampaignFormat.HTML, "<p>no content slot</p>", BASE))
			.isInstanceOfSatisfying(TemplateSyntaxException.class, ex -> assertThat(ex.field()).isEqualTo("layout"));
	}

	@Test
	void sanitisesStaffHtmlButKeepsMergeFieldsInLinks() throws Exception {
		String body = """
				<p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:alert(2)">bad</a>
				<a href="{{unsubscribe_url}}">leave</a> <a href="https://example.org/?who={{subscriber.email}}">act</a>
				<iframe src="https://evil.example"></iframe><img src="https://example.org/a.png" alt="A" onerror="x()"></p>
				""";
		String html = compile(body, CampaignFormat.HTML).render(EVIL).html();
		String content = html.substring(html.indexOf("class=\"content\""), html.indexOf("class=\"footer\""));
		assertThat(content).doesNotContain("<script").doesNotContain("onclick").doesNotContain("javascript:")
			.doesNotContain("iframe").doesNotContain("onerror")
			.contains("<a href=\"https://lists.example.org/unsubscribe/TOKEN\">leave</a>")
			.contains("https://example.org/?who=evil@example.org")
			.contains("<img src=\"https://example.org/a.png\" alt=\"A\">");
	}

	@Test
	void rendersMarkdownAndDerivesTheTextPartWithLinksAsUrls() throws Exception {
		CompiledCampaign.Rendered r = compile("""
				# Big news

				Hello **{{subscriber.name}}**, see [our report](https://example.org/report).

				- one
				- two
				""", CampaignFormat.MARKDOWN).render(new Recipient(1, "a@example.org", "Ada", Map.of(),
						new MemberLinks.Links("https://u.example.org/u", "https://u.example.org/p")));
		assertThat(r.html()).contains("<h1>Big news</h1>").contains("<strong>Ada</strong>");
		assertThat(r.text()).contains("Big news\n").contains("Hello Ada, see our report (https://example.org/report).")
			.contains("- one\n").contains("- two\n")
			.contains("Unsubscribe (https://u.example.org/u)")
			.contains("Manage your subscriptions (https://u.example.org/p)")
			.contains("Peace Org, 1 Main St")
			.doesNotContain("In short")
			.doesNotContain("<")
			.doesNotContain("{{");
	}

	@Test
	void actionAlertHasOneButtonAndTheDeadline() throws Exception {
		Map<String, Object> base = new java.util.HashMap<>(BASE);
		base.put("deadline", "3 June 2026, 12:00 UTC");
		base.put("action", Map.of("url", "https://example.org/call", "label", "Call your MP"));
		String html = CompiledCampaign.compile("Call now: [Call your MP](https://example.org/call)",
				CampaignFormat.MARKDOWN, layout("action-alert"), base).render(EVIL).html();
		assertThat(html).contains("Act by 3 June 2026, 12:00 UTC")
			.contains("<a class=\"button\" href=\"https://example.org/call\">Call your MP</a>");
	}

	@Test
	void checklistFlagsUnknownFieldsBadLinksMissingAltAndNoMembers() throws Exception {
		CompiledCampaign c = compile("{{subscriber.nickname}} <img src=\"https://example.org/a.png\"> [x](http://)",
				CampaignFormat.MARKDOWN);
		Checklist list = ChecklistRules.check("", "news@localhost", c, "x".repeat(120_000), 0);
		assertThat(list.ready()).isFalse();
		assertThat(list.items()).extracting(Checklist.Item::rule, Checklist.Item::passed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("subject", false),
					org.assertj.core.groups.Tuple.tuple("unsubscribe-link", true),
					org.assertj.core.groups.Tuple.tuple("merge-fields", false),
					org.assertj.core.groups.Tuple.tuple("links", false),
					org.assertj.core.groups.Tuple.tuple("html-size", false),
					org.assertj.core.groups.Tuple.tuple("alt-text", false),
					org.assertj.core.groups.Tuple.tuple("from-domain", false),
					org.assertj.core.groups.Tuple.tuple("active-members", false));
		assertThat(list.items().get(2).message().key()).isEqualTo("composing.checklist.merge-fields.failed");
		assertThat(list.items().get(2).message().args()).anySatisfy(a -> assertThat(a.toString()).contains("subscriber.nickname"));
		Checklist good = ChecklistRules.check("Hi", "news@lists.example.org", compile("Hi", CampaignFormat.MARKDOWN),
				"<p>small</p>", 3);
		assertThat(good.ready()).isTrue();
		assertThat(good.errors()).isZero();
		assertThat(good.warnings()).isZero();
	}

}
