package org.listserv.composing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * A campaign compiled once, rendered for each recipient: the layout with the sanitised body in place of
 * {@code {{{content}}}} as one HTML template (values HTML-escaped), and the text template derived from it.
 * Templates see only maps ({@link BasicCollector}: no reflection on objects).
 *
 * @param source the composed HTML template source (layout and body), for the checklist
 * @param tags the tags of the body and the layout
 */
record CompiledCampaign(Template html, Template text, Map<String, Object> base, String source,
		List<MergeTags.Tag> tags) {

	/** One message's parts. */
	record Rendered(String html, String text) {
	}

	private static final Mustache.Compiler HTML = Mustache.compiler()
		.escapeHTML(true)
		.defaultValue("")
		.withCollector(new BasicCollector() {
			@Override
			public <K, V> Map<K, V> createFetcherCache() {
				return new java.util.concurrent.ConcurrentHashMap<>();
			}
		});

	private static final Mustache.Compiler TEXT = HTML.escapeHTML(false);

	private static final Pattern LINE = Pattern.compile("line (\\d+)");

	static final String CONTENT = "{{{content}}}";

	/** For a base without a list setting (the default of {@code lists.greeting_fallback}). */
	static final String DEFAULT_GREETING_FALLBACK = "friend";

	/**
	 * What {@code {{subscriber.email}}} shows where there is no one's address (the web version), for a base
	 * without {@code t.no_address}, the words of its language.
	 */
	static final String NO_ADDRESS = "your email address";

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * @param base the values that are the same for every recipient (list, campaign, date, ...)
	 * @throws TemplateSyntaxException naming the field ("body" or "layout"), line and column
	 */
	static CompiledCampaign compile(String body, CampaignFormat format, String layout,
			Map<String, Object> base) {
		List<MergeTags.Tag> tags = new ArrayList<>(MergeTags.scan(body, "body", false));
		tags.addAll(MergeTags.scan(layout, "layout", true));
		compileOrFail(TEXT, body, "body");
		int at = layout.indexOf(CONTENT);
		if (at < 0) {
			throw new TemplateSyntaxException("layout", 1, 1, new org.listserv.shared.Text("composing.syntax.no-content", CONTENT));
		}
		String bodyHtml = BodyHtml.toHtml(body, format);
		String source = layout.substring(0, at) + bodyHtml + layout.substring(at + CONTENT.length());
		Template html = compileOrFail(HTML, source, "layout");
		BodyHtml.Tokenized tokenized = BodyHtml.tokenize(source);
		Template text = compileOrFail(TEXT, tokenized.restore(TextPart.of(tokenized.text())), "layout");
		return new CompiledCampaign(html, text, Map.copyOf(base), source, List.copyOf(tags));
	}

	/**
	 * One recipient's parts. A recipient without a name gets the list's greeting fallback (in the message's
	 * language: see {@link CampaignMessages#greetingFallback}) for
	 * {@code subscriber.name} and {@code subscriber.first_name} ("Dear friend,", never "Dear ,"), and
	 * {@code subscriber.has_name} false for a template that would rather say something else; one without an
	 * address (the web version) reads "your email address" in the message's language. Every path (preview, test, web version, the
	 * real send) renders here, so they all show the same.
	 */
	Rendered render(Recipient r) {
		Map<String, Object> model = new HashMap<>(base);
		Map<String, Object> subscriber = new HashMap<>(6);
		String name = r.name().strip();
		String fallback = greetingFallback();
		subscriber.put("name", name.isEmpty() ? fallback : name);
		subscriber.put("first_name", name.isEmpty() ? fallback : WHITESPACE.split(name)[0]);
		subscriber.put("has_name", !name.isEmpty());
		subscriber.put("email", r.email().isBlank() ? noAddress() : r.email());
		subscriber.put("attributes", r.attributes());
		model.put("subscriber", subscriber);
		model.put("unsubscribe_url", r.links().unsubscribeUrl());
		model.put("preferences_url", r.links().preferencesUrl());
		return new Rendered(html.execute(model), text.execute(model));
	}

	/** The words for "your email address" in the message's language, as {@link CampaignMessages#compile} put them in the base. */
	private String noAddress() {
		Object words = base.get("t") instanceof Map<?, ?> t ? t.get("no_address") : null;
		return words == null ? NO_ADDRESS : words.toString();
	}

	/** The language of the message's fixed words ({@code lang} in the base), else English. */
	java.util.Locale language() {
		Object tag = base.get("lang");
		return tag == null ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag(tag.toString());
	}

	/**
	 * The word for a member without a name in the message's language, as {@link CampaignMessages#compile} put
	 * it in the base.
	 */
	String greetingFallback() {
		Object fallback = base.get("list") instanceof Map<?, ?> list ? list.get("greeting_fallback") : null;
		return fallback == null || fallback.toString().isBlank() ? DEFAULT_GREETING_FALLBACK : fallback.toString();
	}

	private static Template compileOrFail(Mustache.Compiler compiler, String source, String field) {
		try {
			return compiler.compile(source);
		}
		catch (MustacheException ex) {
			Matcher m = LINE.matcher(String.valueOf(ex.getMessage()));
			throw TemplateSyntaxException.engine(field, m.find() ? Integer.parseInt(m.group(1)) : 1, 1,
					String.valueOf(ex.getMessage()));
		}
	}

}
