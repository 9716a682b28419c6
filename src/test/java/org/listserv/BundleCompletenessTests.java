package org.listserv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in every language: each message bundle {@code i18n/X.properties} has an
 * {@code X_<lang>.properties} for each language any bundle has, with the same keys, the same
 * {@code {n}} values and a value that is a valid MessageFormat pattern; each notice
 * {@code templates/notices/NAME.txt} (and {@code .html}) has a copy in each language folder with a subject
 * and the same {@code {{merge}}} values, and no language folder has a notice the default lacks.
 */
class BundleCompletenessTests {

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	static final Path NOTICES = Path.of("templates/notices");

	static final java.util.regex.Pattern BUNDLE_NAME = java.util.regex.Pattern.compile("([a-z-]+)(?:_([a-z]{2,3}))?\\.properties");

	static final java.util.regex.Pattern ARGUMENT = java.util.regex.Pattern.compile("\\{(\\d+)");

	static final java.util.regex.Pattern MERGE = java.util.regex.Pattern.compile("\\{\\{[#^/]?\\s*([A-Za-z0-9_.]+)\\s*\\}\\}");

	@Test
	void everyBundleHasEveryKeyInEveryLanguage() throws IOException {
		Set<String> areas = new TreeSet<>();
		Set<String> languages = new TreeSet<>();
		for (Path file : list(BUNDLES)) {
			Matcher m = BUNDLE_NAME.matcher(file.getFileName().toString());
			assertThat(m.matches()).as("bundle file name %s", file).isTrue();
			areas.add(m.group(1));
			if (m.group(2) != null) {
				languages.add(m.group(2));
			}
		}
		assertThat(languages).as("languages with bundles").contains("es");
		List<String> problems = new ArrayList<>();
		for (String area : areas) {
			Properties base = load(BUNDLES.resolve(area + ".properties"));
			for (String language : languages) {
				Path file = BUNDLES.resolve(area + "_" + language + ".properties");
				if (!Files.exists(file)) {
					problems.add(file + " is missing");
					continue;
				}
				Properties other = load(file);
				for (String key : base.stringPropertyNames()) {
					if (!other.containsKey(key)) {
						problems.add(file + " lacks " + key);
					}
					else if (!arguments(base.getProperty(key)).equals(arguments(other.getProperty(key)))) {
						problems.add(file + ": " + key + " has the values " + arguments(other.getProperty(key))
								+ ", the default " + arguments(base.getProperty(key)));
					}
				}
				for (String key : other.stringPropertyNames()) {
					if (!base.containsKey(key)) {
						problems.add(file + " has " + key + ", which " + area + ".properties lacks");
					}
				}
				problems.addAll(patternProblems(file, other));
			}
			problems.addAll(patternProblems(BUNDLES.resolve(area + ".properties"), base));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyNoticeExistsInEveryLanguageWithTheSameMergeValues() throws IOException {
		List<Path> languageDirs = list(NOTICES).stream().filter(Files::isDirectory).toList();
		assertThat(languageDirs).as("language folders under %s", NOTICES).isNotEmpty();
		List<String> problems = new ArrayList<>();
		List<Path> defaults = list(NOTICES).stream().filter(Files::isRegularFile).toList();
		for (Path dir : languageDirs) {
			for (Path notice : defaults) {
				Path translated = dir.resolve(notice.getFileName());
				if (!Files.exists(translated)) {
					problems.add(translated + " is missing");
					continue;
				}
				String source = Files.readString(translated, StandardCharsets.UTF_8);
				if (notice.toString().endsWith(".txt") && !source.startsWith("Subject:")) {
					problems.add(translated + " does not start with Subject:");
				}
				Set<String> want = merges(Files.readString(notice, StandardCharsets.UTF_8));
				if (!merges(source).equals(want)) {
					problems.add(translated + " merges " + merges(source) + ", the default " + want);
				}
			}
			for (Path translated : list(dir)) {
				if (!Files.exists(NOTICES.resolve(translated.getFileName()))) {
					problems.add(translated + " has no default-language notice " + NOTICES.resolve(translated.getFileName()));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static List<String> patternProblems(Path file, Properties bundle) {
		List<String> problems = new ArrayList<>();
		for (String key : bundle.stringPropertyNames()) {
			String value = bundle.getProperty(key);
			if (value.isBlank()) {
				problems.add(file + ": " + key + " is empty");
				continue;
			}
			try {
				new MessageFormat(value);
			}
			catch (IllegalArgumentException ex) {
				problems.add(file + ": " + key + " is not a MessageFormat pattern (" + ex.getMessage() + ")");
			}
			// a lone quote starts a quoted part: MessageFormat would swallow the rest of the text
			if (value.replace("''", "").contains("'")) {
				problems.add(file + ": " + key + " has a single quote; write it twice ('')");
			}
		}
		return problems;
	}

	private static Set<String> arguments(String value) {
		Set<String> found = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(value);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Set<String> merges(String source) {
		Set<String> found = new TreeSet<>();
		Matcher m = MERGE.matcher(source);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}

	private static List<Path> list(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.sorted().toList();
		}
	}

}
