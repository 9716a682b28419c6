package org.listserv.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The mail people receive, from Mustache files editable without a rebuild: {@code notices/NAME.txt} (first
 * line {@code Subject: ...}, a blank line, then the text) and, if present, {@code notices/NAME.html} as the
 * HTML alternative, whose merge values are HTML-escaped. Files are read from
 * {@code listserv.templates-dir} (re-read when changed), else from the jar. Templates see only the map
 * they are given: Mustache is logic-less, no code runs from a template. Each language other than the
 * default has its own folder, {@code notices/es/NAME.txt}; a notice missing there comes in the default's.
 */
@Component
public class MailTemplates {

	private static final Pattern LEADING_LINE_END = Pattern.compile("^\r?\n");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final Pattern SUBJECT_BREAKS = Pattern.compile("[\\r\\n\\t\\x00]+");

	/** A rendered notice; {@code html} is null when there is no HTML template. */
	public record Rendered(String subject, String text, String html) {
	}

	private static final Logger log = LoggerFactory.getLogger(MailTemplates.class);

	private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false).defaultValue("");

	private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).defaultValue("");

	private record Cached(long modified, Template template) {
	}

	private final Path dir;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	/** Templates in the jar never change: compiled once, absent ones remembered as absent. */
	private final Map<String, Optional<Template>> builtIns = new ConcurrentHashMap<>();

	MailTemplates(TemplatesProperties properties) {
		this.dir = properties.templatesDir();
	}

	/** A notice in the default language ({@code notices/NAME.txt}). */
	public Rendered render(String name, Map<String, Object> model) {
		return render(name, null, model);
	}

	/**
	 * A notice in {@code language}: {@code notices/<language>/NAME.txt} (and its {@code .html}) when that
	 * language has the notice, else the default language's {@code notices/NAME.txt}. The language is
	 * its subtag only ({@code es}), so no tag can name a file outside {@code notices/}.
	 */
	public Rendered render(String name, Locale language, Map<String, Object> model) {
		String folder = folderFor(name, language);
		Template text = template(folder + name + ".txt", TEXT)
			.orElseThrow(() -> new IllegalStateException("No mail template " + name + ".txt"));
		Template subject = template(folder + name + ".txt#subject", TEXT).orElseThrow();
		String html = template(folder + name + ".html", HTML).map(t -> t.execute(model)).orElse(null);
		// merged values must not break the subject into several header lines
		return new Rendered(SUBJECT_BREAKS.matcher(subject.execute(model)).replaceAll(" ").strip(), text.execute(model),
				html);
	}

	/** Whether {@code language} has its own {@code notices/<language>/NAME.txt}. */
	public boolean has(String name, Locale language) {
		return !folderFor(name, language).isEmpty();
	}

	private String folderFor(String name, Locale language) {
		String lang = language == null ? "" : language.getLanguage();
		if (!LANGUAGE.matches(lang)) {
			return "";
		}
		return template(lang + "/" + name + ".txt", TEXT).isPresent() ? lang + "/" : "";
	}

	/**
	 * The part of a text template's source that {@code file} names: {@code NAME.txt#subject} is its first
	 * line after {@code Subject:}, {@code NAME.txt} the rest. Split before compiling, so a merged value
	 * with a line break cannot move text between subject and body.
	 */
	private static String part(String file, String source) {
		boolean wantsSubject = file.endsWith("#subject");
		if (!file.contains(".txt")) {
			return source;
		}
		if (!source.startsWith("Subject:")) {
			return wantsSubject ? "" : source;
		}
		int end = source.indexOf('\n');
		if (wantsSubject) {
			return end < 0 ? source.substring(8) : source.substring(8, end);
		}
		return end < 0 ? "" : LEADING_LINE_END.matcher(source.substring(end + 1)).replaceFirst("");
	}

	private Optional<Template> template(String file, Mustache.Compiler compiler) {
		Path path = dir.resolve("notices").resolve(file.replace("#subject", ""));
		if (Files.isRegularFile(path)) {
			try {
				long modified = Files.getLastModifiedTime(path).toMillis();
				Cached cached = cache.get(file);
				if (cached == null || cached.modified != modified) {
					cached = new Cached(modified,
							compiler.compile(part(file, Files.readString(path, StandardCharsets.UTF_8))));
					cache.put(file, cached);
				}
				return Optional.of(cached.template);
			}
			catch (IOException | MustacheException ex) {
				log.error("The mail template {} cannot be used ({}); using the built-in one", path, ex.getMessage());
			}
		}
		return builtIn(file, compiler);
	}

	private Optional<Template> builtIn(String file, Mustache.Compiler compiler) {
		return builtIns.computeIfAbsent(file, f -> readBuiltIn(f, compiler));
	}

	private static Optional<Template> readBuiltIn(String file, Mustache.Compiler compiler) {
		try (InputStream in = MailTemplates.class
			.getResourceAsStream("/mail-templates/notices/" + file.replace("#subject", ""))) {
			return in == null ? Optional.empty()
					: Optional.of(compiler.compile(part(file, new String(in.readAllBytes(), StandardCharsets.UTF_8))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
