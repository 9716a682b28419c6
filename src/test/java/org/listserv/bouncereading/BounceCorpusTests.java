package org.listserv.bouncereading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The classifier on the shared real-world corpus ({@code ../shared/bounce-corpus}, sisimai's set-of-emails
 * with expectations in {@code expected.tsv}): at least 97% of bounced recipients found, at least 95%
 * agreement on hard/soft/none and at least 83% on the reason (84.6% measured). Skipped when the corpus is not
 * there; it is never copied into the project. {@code bench/bounce-corpus.sh} prints the same figures with the
 * list of disagreements, also for the tuning and held-out parts ({@code --part}).
 */
class BounceCorpusTests {

	static final Path CORPUS = Path.of("..", "shared", "bounce-corpus");

	@Test
	void recipientsClassificationsAndReasonsAgreeWithTheCorpus() throws IOException {
		Path expected = CORPUS.resolve("expected.tsv");
		assumeTrue(Files.isReadable(expected),
				"Bounce corpus not found at " + CORPUS.toAbsolutePath().normalize() + ": skipping the corpus test");
		BounceClassifier classifier = new BounceClassifier();
		Map<String, BounceReport> reports = new HashMap<>();
		int rows = 0;
		int found = 0;
		int agreed = 0;
		int sameReason = 0;
		List<String> disagreements = new ArrayList<>();
		List<String> lines = Files.readAllLines(expected, StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).split("\t", -1));
		int eml = header.indexOf("eml");
		int address = header.indexOf("recipient_address");
		int hardOrSoft = header.indexOf("hard_or_soft");
		int reason = header.indexOf("reason");
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split("\t", -1);
			rows++;
			BounceReport report = reports.computeIfAbsent(cells[eml], file -> {
				try {
					return classifier.classify(Files.readAllBytes(CORPUS.resolve(file)));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			BouncedRecipient match = report.recipients().stream()
				.filter(r -> cells[address].equalsIgnoreCase(r.recipient()))
				.findFirst()
				.orElse(null);
			if (match != null) {
				found++;
			}
			BouncedRecipient judged = match != null ? match
					: report.recipients().isEmpty() ? null : report.recipients().get(0);
			String classification = judged == null ? "none" : judged.classification().json();
			if (judged != null && cells[reason].equals(judged.reason())) {
				sameReason++;
			}
			if (classification.equals(cells[hardOrSoft])) {
				agreed++;
			}
			else {
				disagreements.add(cells[eml] + " " + cells[address] + ": expected " + cells[hardOrSoft] + ", got "
						+ classification + (judged == null ? "" : " (" + judged.reason() + ")"));
			}
		}
		double foundShare = 100.0 * found / rows;
		double agreedShare = 100.0 * agreed / rows;
		double reasonShare = 100.0 * sameReason / rows;
		System.out.printf("Bounce corpus: %d rows, recipients found %.1f%%, classification agreement %.1f%%, reason agreement %.1f%%%n",
				rows, foundShare, agreedShare, reasonShare);
		assertThat(rows).isGreaterThan(0);
		assertThat(foundShare).as("recipients found (%d/%d)", found, rows).isGreaterThanOrEqualTo(97.0);
		assertThat(agreedShare).as("hard/soft/none agreement (%d/%d); disagreements: %s", agreed, rows, disagreements)
			.isGreaterThanOrEqualTo(95.0);
		assertThat(reasonShare).as("reason agreement (%d/%d)", sameReason, rows).isGreaterThanOrEqualTo(83.0);
	}

}
