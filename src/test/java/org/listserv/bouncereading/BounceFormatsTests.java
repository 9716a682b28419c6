package org.listserv.bouncereading;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fixture per format family (written for these tests): which recipient, kind, reason and classification
 * the classifier reports.
 */
class BounceFormatsTests {

	private final BounceClassifier classifier = new BounceClassifier();

	@ParameterizedTest(name = "{0}: {1} {3}/{4}")
	@CsvSource(delimiter = '|', textBlock = """
			postfix-text.eml           | hana.ito@gone.example.net       | NON_STANDARD | hard | userunknown
			postfix-text.eml           | ivan@nxdomain.example           | NON_STANDARD | hard | hostunknown
			exim.eml                   | jo.quinn@full.example.org       | NON_STANDARD | soft | mailboxfull
			qmail.eml                  | kai@example.info                | NON_STANDARD | hard | userunknown
			sendmail-transcript.eml    | lee.moss@dept.example.edu       | NON_STANDARD | hard | userunknown
			office365.eml              | mo.reyes@contoso-example.com    | NON_STANDARD | hard | userunknown
			gmail-text.eml             | nell.park@example.co            | NON_STANDARD | hard | userunknown
			dsn-after-data.eml         | oscar@filtering.example.net     | DSN          | soft | filtered
			ses-notification.eml       | pat@gone.example.com            | DSN          | hard | userunknown
			forwarded-bounce.eml       | ruth@moved.example.org          | DSN          | hard | hasmoved
			arf-optout.eml             | sam.ortiz@mail.example.com      | COMPLAINT    | none | feedback
			out-of-office-subject.eml  | tess@office.example.eu          | AUTO_REPLY   | none | vacation
			apple-unsubscribe.eml      | wren@icloud.example             | COMPLAINT    | none | feedback
			truncated.eml              | uma@cut.example.org             | DSN          | hard | userunknown
			eightbit-unknown-charset.eml | vera@example.de               | NON_STANDARD | hard | userunknown
			""")
	void format(String fixture, String recipient, BounceKind kind, String classification, String reason) {
		BounceReport report = classifier.classify(BounceClassifierTests.fixture(fixture));
		Map<String, BouncedRecipient> byAddress = report.recipients().stream()
			.filter(r -> r.recipient() != null)
			.collect(Collectors.toMap(BouncedRecipient::recipient, r -> r, (a, b) -> a));
		assertThat(report.kind()).isEqualTo(kind);
		assertThat(byAddress).containsKey(recipient);
		BouncedRecipient r = byAddress.get(recipient);
		assertThat(r.reason()).isEqualTo(reason);
		assertThat(r.classification().json()).isEqualTo(classification);
		assertThat(r.diagnostic()).isNotBlank();
		assertThat(r.diagnostic().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
	}

	@ParameterizedTest(name = "{0} reports only the failed addresses")
	@CsvSource(delimiter = '|', textBlock = """
			postfix-text.eml        | 2
			exim.eml                | 1
			qmail.eml               | 1
			sendmail-transcript.eml | 1
			office365.eml           | 1
			gmail-text.eml          | 1
			""")
	void noSenderOrListAddressIsReported(String fixture, int count) {
		BounceReport report = classifier.classify(BounceClassifierTests.fixture(fixture));
		assertThat(report.recipients()).hasSize(count);
		assertThat(report.recipients()).extracting(BouncedRecipient::recipient)
			.noneMatch(a -> a.endsWith("@lists.example.org") || a.startsWith("mailer-daemon") || a.startsWith("postmaster"));
	}

}
