package org.listserv.media;

import java.text.Normalizer;

import com.google.re2j.Pattern;

/**
 * The name an uploaded image is stored and served under: the last segment of what the browser sent (no
 * folders), letters without accents, digits, dots, dashes and underscores only, at most 80 characters, and
 * the extension of the type the content has. It can be put in a URL and a header as it is.
 */
final class FileNames {

	private static final int MAX = 80;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

	private static final Pattern RUNS = Pattern.compile("[-.]{2,}");

	private static final Pattern EDGES = Pattern.compile("^[-._]+|[-._]+$");

	private static final Pattern TRAILING = Pattern.compile("[-._]+$");

	private FileNames() {
	}

	static String sanitise(String original, ImageType type) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name.startsWith(".") ? "" : name;
		stem = MARKS.matcher(Normalizer.normalize(stem, Normalizer.Form.NFKD)).replaceAll("");
		stem = EDGES.matcher(RUNS.matcher(UNSAFE.matcher(stem).replaceAll("-")).replaceAll("-")).replaceAll("");
		String extension = "." + type.extension();
		if (stem.length() > MAX - extension.length()) {
			stem = TRAILING.matcher(stem.substring(0, MAX - extension.length())).replaceAll("");
		}
		if (stem.isEmpty()) {
			stem = "image";
		}
		return stem + extension;
	}

}
