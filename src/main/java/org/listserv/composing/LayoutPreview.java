package org.listserv.composing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.WebProperties;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A layout shown with a sample body and sample values, for admins choosing one on the templates page: the
 * links are the inert preview pages, the list is "Your list". The sample texts, the layout's fixed words and
 * the dates are in the language of the person looking ({@code composing.sample.*}).
 */
@Component
class LayoutPreview {

	private static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 6, 1);

	private static final String ACTION_URL = "https://example.org/action";

	private final Layouts layouts;

	private final WebProperties web;

	private final Texts texts;

	LayoutPreview(Layouts layouts, WebProperties web, Texts texts) {
		this.layouts = layouts;
		this.web = web;
		this.texts = texts;
	}

	String render(String name) {
		String source = layouts.source(name)
			.orElseThrow(() -> new NotFoundException(new Text("composing.error.no-layout", name)));
		Locale language = LocaleContextHolder.getLocale();
		String listName = texts.get(language, "composing.sample.list-name");
		String preheader = texts.get(language, "composing.sample.preheader");
		String takeAction = texts.get(language, "composing.layout.take_action");
		String date = DateTimeFormatter.ofPattern(texts.get(language, "format.date-long"), language).format(SAMPLE_DAY);
		Map<String, Object> words = new HashMap<>();
		for (String w : CampaignMessages.LAYOUT_WORDS) {
			words.put(w, texts.get(language, "composing.layout." + w));
		}
		words.put("joined", texts.get(language, "composing.layout.joined", listName));
		words.put("no_address", texts.get(language, "composing.layout.no_address"));
		Map<String, Object> base = new HashMap<>();
		base.put("list", Map.of("name", listName, "footer", texts.get(language, "composing.sample.footer"),
				"greeting_fallback", texts.get(language, "composing.greeting.fallback")));
		base.put("campaign", Map.of("subject", texts.get(language, "composing.sample.subject"), "preheader", preheader));
		base.put("preheader", preheader);
		base.put("web_version_url", web.base() + SampleLinks.PATH + "/web-version");
		base.put("date", date);
		base.put("deadline", texts.get(language, "composing.layout.deadline", date, "12:00", "UTC"));
		base.put("action", Map.of("url", ACTION_URL, "label", takeAction));
		base.put("t", words);
		base.put("lang", language.toLanguageTag());
		String body = "## " + texts.get(language, "composing.sample.heading") + "\n\n"
				+ texts.get(language, "composing.sample.body", "{{subscriber.name}}") + "\n\n[" + takeAction + "]("
				+ ACTION_URL + ")\n";
		String links = web.base() + SampleLinks.PATH;
		Recipient sample = new Recipient(0, "sample@example.org", texts.get(language, "composing.sample.subscriber"),
				Map.of(), new MemberLinks.Links(links + "/unsubscribe/sample", links + "/preferences/sample"));
		return CompiledCampaign.compile(body, CampaignFormat.MARKDOWN, source, base).render(sample).html();
	}

}
