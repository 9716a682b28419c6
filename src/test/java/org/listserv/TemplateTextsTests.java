package org.listserv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page's text comes from the bundles: each Thymeleaf template uses only {@code #{keys}} that exist,
 * declares its language ({@code <html th:lang>}), and has no text of its own outside an element whose
 * {@code th:text} replaces it: no words in markup, in attributes people read ({@code title},
 * {@code placeholder}, {@code alt}, {@code aria-label}, an input button's {@code value}) nor as quoted phrases
 * inside expressions ({@code th:text="'Join ' + ${name}"}).
 */
class TemplateTextsTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Templates still written in English, each to be emptied as it moves to the bundles. */
	static final Set<String> NOT_YET_TRANSLATED = Set.of();

	/** Words that are the same in every language. */
	static final Set<String> NAMES = Set.of("listserv");

	static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

	static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

	/** A quoted literal in an expression that reads as a phrase: has a space beside a word, or is capitalised. */
	static final Pattern PHRASE = Pattern.compile("'([^']*(\\p{L}\\s|\\s\\p{L})[^']*|\\p{Lu}\\p{Ll}[^']*)'");

	static final Pattern LITERAL = Pattern.compile("'[^']*'");

	static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label", "label");

	static final Set<String> EXPRESSION_ATTRIBUTES = Set.of("th:text", "th:utext", "th:title", "th:placeholder",
			"th:alt", "th:aria-label", "th:value", "th:attr", "th:replace", "th:insert", "th:content", "th:label");

	static Stream<String> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).map(p -> TEMPLATES.relativize(p).toString())
				.sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("templates")
	void usesOnlyKeysTheDefaultBundlesHave(String template) throws IOException {
		Properties keys = defaultBundles();
		List<String> missing = new ArrayList<>();
		Matcher m = KEY.matcher(Files.readString(TEMPLATES.resolve(template), StandardCharsets.UTF_8));
		while (m.find()) {
			if (!keys.containsKey(m.group(1))) {
				missing.add(m.group(1));
			}
		}
		assertThat(missing).as("keys %s uses that no i18n/*.properties has", template).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("templates")
	void hasNoTextOfItsOwn(String template) throws IOException {
		if (NOT_YET_TRANSLATED.contains(template)) {
			return;
		}
		Document doc = Jsoup.parse(Files.readString(TEMPLATES.resolve(template), StandardCharsets.UTF_8), "",
				Parser.htmlParser());
		List<String> problems = new ArrayList<>();
		Element html = doc.selectFirst("html");
		if (html != null && !html.hasAttr("th:lang")) {
			problems.add("<html> has no th:lang=\"${#locale.toLanguageTag()}\"");
		}
		walk(doc, problems);
		assertThat(problems).as("texts of %s outside the bundles", template).isEmpty();
	}

	private static void walk(Node node, List<String> problems) {
		if (node instanceof TextNode text && hasWords(text.text())) {
			problems.add("text \"" + text.text().strip() + "\"");
		}
		if (node instanceof Element e) {
			if (e.tagName().equals("script") || e.tagName().equals("style")) {
				return;
			}
			for (Attribute a : e.attributes()) {
				String name = a.getKey();
				boolean readAttribute = READ_ATTRIBUTES.contains(name)
						|| name.equals("value") && shownValue(e);
				if (readAttribute && hasWords(a.getValue())) {
					problems.add(e.tagName() + " " + name + "=\"" + a.getValue() + "\"");
				}
				if (EXPRESSION_ATTRIBUTES.contains(name) || name.startsWith("th:aria-") || name.startsWith("th:data-")) {
					// literals pair their quotes left to right: the closing quote of one never opens the next
					Matcher m = LITERAL.matcher(a.getValue());
					while (m.find()) {
						Matcher phrase = PHRASE.matcher(m.group());
						if (phrase.matches() && hasWords(phrase.group(1))) {
							problems.add(e.tagName() + " " + name + " quotes '" + phrase.group(1) + "'");
						}
					}
				}
			}
			// Thymeleaf replaces what these elements hold: the text inside is a prototype's, never shown
			if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")) {
				return;
			}
		}
		for (Node child : node.childNodes()) {
			walk(child, problems);
		}
	}

	/** A value people read: an input shown as a button's label (a {@code <button>}'s value is the form's, never shown). */
	private static boolean shownValue(Element e) {
		return e.tagName().equals("input") && e.attr("type").toLowerCase(java.util.Locale.ROOT).matches("submit|button|reset");
	}

	@org.junit.jupiter.api.Test
	void findsTheWordsOfAnInputButtonButNotTheValueOfAButton() {
		assertThat(problemsOf("<form><input type=\"submit\" value=\"Send\"><input type=\"button\" value=\"Add row\"></form>"))
			.containsExactly("input value=\"Send\"", "input value=\"Add row\"");
		assertThat(problemsOf("<form><button type=\"submit\" name=\"decision\" value=\"approve\" th:text=\"#{x}\"></button>"
				+ "<input type=\"hidden\" name=\"list\" value=\"news\"></form>")).isEmpty();
		assertThat(problemsOf("<input th:attr=\"aria-invalid=${e.invalid('subjectPrefix')}, aria-describedby=${e.describedBy('subjectPrefix')}\">"
				+ "<span th:text=\"'Join ' + ${name}\"></span>")).containsExactly("span th:text quotes 'Join '");
		assertThat(problemsOf("<button title=\"Approve it\" th:text=\"#{x}\"></button>")).containsExactly("button title=\"Approve it\"");
	}

	private static List<String> problemsOf(String markup) {
		List<String> problems = new ArrayList<>();
		walk(Jsoup.parseBodyFragment(markup), problems);
		return problems;
	}

	private static boolean hasWords(String text) {
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			if (!NAMES.contains(m.group())) {
				return true;
			}
		}
		return false;
	}

	private static Properties defaultBundles() throws IOException {
		Properties all = new Properties();
		try (Stream<Path> files = Files.list(BundleCompletenessTests.BUNDLES)) {
			for (Path file : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
				try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					all.load(in);
				}
			}
		}
		return all;
	}

}
