package org.listserv.composing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.google.re2j.Pattern;

import org.listserv.mail.TemplatesProperties;

import org.springframework.stereotype.Component;

/**
 * The layouts staff choose from: {@code layouts/NAME.html} in {@code listserv.templates-dir}, else the copy
 * in the jar for the shipped ones ({@code newsletter}, {@code action-alert}). Dropping a new file into the
 * folder adds a layout; it must contain {@code {{{content}}}} where the body goes.
 */
@Component
class Layouts {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

	static final List<String> BUILT_IN = List.of("newsletter", "action-alert");

	/** The {@code <meta name="description" content="...">} of a layout file, which says what it is for. */
	private static final Pattern DESCRIPTION = Pattern
		.compile("<meta\\s+name=\"description\"\\s+content=\"([^\"]{0,500})\"", Pattern.CASE_INSENSITIVE);

	/** A layout's name and what it is for (empty if its file does not say). */
	record Described(String name, String description) {
	}

	private final Path dir;

	Layouts(TemplatesProperties properties) {
		this.dir = properties.templatesDir().resolve("layouts");
	}

	List<String> names() {
		TreeSet<String> names = new TreeSet<>(BUILT_IN);
		if (Files.isDirectory(dir)) {
			try (Stream<Path> files = Files.list(dir)) {
				files.map(p -> p.getFileName().toString())
					.filter(n -> n.endsWith(".html"))
					.map(n -> n.substring(0, n.length() - 5))
					.filter(Layouts::validName)
					.forEach(names::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return List.copyOf(names);
	}

	/** What the layout is for, from its {@code <meta name="description">}; empty if it has none. */
	String description(String name) {
		return source(name).map(DESCRIPTION::matcher)
			.filter(com.google.re2j.Matcher::find)
			.map(m -> org.jsoup.parser.Parser.unescapeEntities(m.group(1), true))
			.orElse("");
	}

	static boolean validName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/** The layout's source, from the folder or the jar; empty if there is no such layout. */
	Optional<String> source(String name) {
		if (!validName(name)) {
			return Optional.empty();
		}
		Path file = dir.resolve(name + ".html");
		try {
			if (Files.isRegularFile(file)) {
				return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
			}
			try (InputStream in = Layouts.class.getResourceAsStream("/mail-templates/layouts/" + name + ".html")) {
				return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
