package org.listserv.composing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;

import org.listserv.shared.Text;

/**
 * The Mustache tags of a template, with their positions. {@link #scan} refuses what would not compile
 * (an unclosed tag, a section closed by another name or never closed, a bad name) and what we do not
 * allow (partials, changing delimiters, and unescaped values in a staff-written body), naming the line
 * and column; JMustache would only give the line.
 */
final class MergeTags {

	/** A tag: {@code kind} is {@code ' '} for a value, or {@code # ^ / ! & {} as written. */
	record Tag(char kind, String name, int line, int column) {
	}

	/** The merge fields a campaign offers, and the extra ones layouts may use. */
	static final Set<String> KNOWN = Set.of("subscriber.name", "subscriber.first_name", "subscriber.has_name",
			"subscriber.email", "list.name", "list.greeting_fallback", "campaign.subject",
			"unsubscribe_url", "preferences_url", "web_version_url", "date", "content", "preheader",
			"campaign.preheader", "list.footer", "deadline", "action", "action.url", "action.label", ".", "lang", "t.joined");

	private static final Pattern NAME = Pattern.compile("\\.|[A-Za-z0-9_][A-Za-z0-9_.-]*");

	private MergeTags() {
	}

	static boolean known(String name) {
		return KNOWN.contains(name) || name.startsWith("t.") && CampaignMessages.LAYOUT_WORDS.contains(name.substring(2)) || name.startsWith("subscriber.attributes.") && name.length() > 22;
	}

	static List<Tag> scan(String source, String field, boolean allowUnescaped) {
		List<Tag> tags = new ArrayList<>();
		Deque<Tag> open = new ArrayDeque<>();
		int i = 0;
		while ((i = source.indexOf("{{", i)) >= 0) {
			int line = line(source, i);
			int column = i - source.lastIndexOf('\n', i - 1);
			boolean triple = source.startsWith("{{{", i);
			String close = triple ? "}}}" : "}}";
			int start = i + (triple ? 3 : 2);
			int end = source.indexOf(close, start);
			int next = source.indexOf("{{", start);
			if (end < 0 || (next >= 0 && next < end)) {
				throw new TemplateSyntaxException(field, line, column, new Text("composing.syntax.not-closed", close));
			}
			String inner = source.substring(start, end).strip();
			char kind = triple ? '{' : inner.isEmpty() ? ' ' : inner.charAt(0);
			if ("#^/!&>=".indexOf(kind) >= 0 && !triple) {
				inner = inner.substring(1).strip();
			}
			else if (!triple) {
				kind = ' ';
			}
			i = end + close.length();
			if (kind == '!') {
				continue;
			}
			if (kind == '>' || kind == '=') {
				throw new TemplateSyntaxException(field, line, column,
						kind == '>' ? new Text("composing.syntax.partials", "{{> ...}}") : new Text("composing.syntax.delimiters"));
			}
			if ((kind == '{' || kind == '&') && !allowUnescaped) {
				throw new TemplateSyntaxException(field, line, column,
						new Text("composing.syntax.unescaped", "{{{...}}}", "{{&...}}", "{{" + inner + "}}"));
			}
			if (!NAME.matcher(inner).matches()) {
				throw new TemplateSyntaxException(field, line, column,
						inner.isEmpty() ? new Text("composing.syntax.no-name") : new Text("composing.syntax.bad-name", inner));
			}
			Tag tag = new Tag(kind, inner, line, column);
			if (kind == '#' || kind == '^') {
				open.push(tag);
			}
			else if (kind == '/') {
				if (open.isEmpty()) {
					throw new TemplateSyntaxException(field, line, column, new Text("composing.syntax.closes-none", "{{/" + inner + "}}"));
				}
				Tag opened = open.pop();
				if (!opened.name().equals(inner)) {
					throw new TemplateSyntaxException(field, line, column, new Text("composing.syntax.closes-other",
							"{{/" + inner + "}}", "{{#" + opened.name() + "}}", opened.line(), opened.column()));
				}
			}
			tags.add(tag);
		}
		if (!open.isEmpty()) {
			Tag t = open.pop();
			throw new TemplateSyntaxException(field, t.line(), t.column(),
					new Text("composing.syntax.never-closed", "{{#" + t.name() + "}}"));
		}
		return tags;
	}

	/** Names of value and section tags that are no merge field, in order of appearance, once each. */
	static List<String> unknown(List<Tag> tags) {
		return tags.stream().filter(t -> t.kind() != '/').map(Tag::name).filter(n -> !known(n)).distinct().toList();
	}

	private static int line(String source, int index) {
		int line = 1;
		for (int j = 0; j < index; j++) {
			if (source.charAt(j) == '\n') {
				line++;
			}
		}
		return line;
	}

}
