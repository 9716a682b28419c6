package org.listserv.composing;

import java.util.Map;

import org.listserv.shared.NotFoundException;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * A layout shown with a sample body and sample values, for admins choosing one on the templates page: the
 * links are the inert preview pages, the list is "Your list".
 */
@Component
class LayoutPreview {

	private static final String BODY = """
			## A heading

			Dear {{subscriber.name}}, this is where the body of the campaign goes: paragraphs, **bold** and
			*italic* text, lists and images.

			[Take action](https://example.org/action)
			""";

	private final Layouts layouts;

	private final WebProperties web;

	LayoutPreview(Layouts layouts, WebProperties web) {
		this.layouts = layouts;
		this.web = web;
	}

	String render(String name) {
		String source = layouts.source(name).orElseThrow(() -> new NotFoundException("There is no layout '" + name + "'"));
		Map<String, Object> base = Map.of("list", Map.of("name", "Your list", "footer", "The list's footer"),
				"campaign", Map.of("subject", "The subject", "preheader", "The preheader"), "preheader",
				"The preheader", "web_version_url", web.base() + SampleLinks.PATH + "/web-version", "date", "1 June 2026",
				"deadline", "1 June 2026, 12:00 UTC", "action", Map.of("url", "https://example.org/action", "label",
						"Take action"));
		String links = web.base() + SampleLinks.PATH;
		Recipient sample = new Recipient(0, "sample@example.org", "Sample Subscriber", Map.of(),
				new MemberLinks.Links(links + "/unsubscribe/sample", links + "/preferences/sample"));
		return CompiledCampaign.compile(BODY, CampaignFormat.MARKDOWN, source, base).render(sample).html();
	}

}
