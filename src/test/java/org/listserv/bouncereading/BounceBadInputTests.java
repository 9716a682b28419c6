package org.listserv.bouncereading;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Input that is not a well-formed bounce never throws and never hangs (the timeouts only catch a hang). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BounceBadInputTests {

	private final BounceClassifier classifier = new BounceClassifier();

	@Test
	void randomBytesAreNotABounce() {
		Random random = new Random(42);
		for (int i = 0; i < 200; i++) {
			byte[] garbage = new byte[random.nextInt(5000)];
			random.nextBytes(garbage);
			BounceReport report = classifier.classify(garbage);
			assertThat(report).isNotNull();
			assertThat(report.kind()).isEqualTo(BounceKind.NOT_A_BOUNCE);
			assertThat(report.recipients()).isEmpty();
		}
	}

	@Test
	void everyPrefixOfABounceIsClassifiedWithoutError() {
		byte[] dsn = BounceClassifierTests.fixture("rfc3464-two-recipients.eml");
		for (int length = 0; length <= dsn.length; length += 7) {
			BounceReport report = classifier.classify(Arrays.copyOf(dsn, length));
			assertThat(report).isNotNull();
			assertThat(report.recipients()).allSatisfy(r -> assertThat(r.classification()).isNotNull());
		}
		assertThat(classifier.classify(dsn).recipients()).hasSize(2);
	}

	@Test
	void headersOnlyAndNoBody() {
		BounceReport report = classifier
			.classify("From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(report).isNotNull();
		assertThat(report.recipients()).allSatisfy(r -> assertThat(r.recipient()).isNull());
	}

	@Test
	void multipartReportWithoutADeliveryStatusPartFallsBackToTheText() {
		String mail = """
				From: MAILER-DAEMON@mx.example.net
				To: peace-bounces@lists.example.org
				Subject: Undelivered Mail Returned to Sender
				Content-Type: multipart/report; report-type=delivery-status; boundary="q"

				--q
				Content-Type: text/plain

				<wes@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 no such user (in reply to RCPT TO command)

				--q--
				""";
		BounceReport report = classifier.classify(mail.getBytes(StandardCharsets.US_ASCII));
		assertThat(report.kind()).isEqualTo(BounceKind.NON_STANDARD);
		assertThat(report.recipients()).singleElement().satisfies(r -> {
			assertThat(r.recipient()).isEqualTo("wes@example.net");
			assertThat(r.classification()).isEqualTo(Classification.HARD);
		});
	}

	@Test
	void twentyMegabytesAreReadOnlyAsFarAsTheCap() {
		byte[] head = BounceClassifierTests.fixture("rfc3464-postfix-userunknown.eml");
		byte[] big = Arrays.copyOf(head, 20 * 1024 * 1024);
		Arrays.fill(big, head.length, big.length, (byte) 'x');
		for (int i = head.length + 100; i < big.length; i += 100) {
			big[i] = '\n';
		}
		BounceReport report = classifier.classify(big);
		assertThat(report.kind()).isEqualTo(BounceKind.DSN);
		assertThat(report.recipients()).extracting(BouncedRecipient::recipient)
			.containsExactly("alice.walker@members.example.net");
	}

	@Test
	void hugeSingleLineAndHugeHeader() {
		StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@mx.example.net\nSubject: failure notice\nX-Long: ");
		sb.append("y".repeat(3 * 1024 * 1024)).append("\n\n<yuri@example.net>: 550 5.1.1 user unknown\n");
		sb.append("z".repeat(2 * 1024 * 1024));
		BounceReport report = classifier.classify(sb.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(report).isNotNull();
	}

	@Test
	void deeplyNestedMessagesAndMultiparts() {
		StringBuilder sb = new StringBuilder();
		int depth = 2000;
		for (int i = 0; i < depth; i++) {
			sb.append("From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered\nContent-Type: multipart/mixed; boundary=\"b")
				.append(i)
				.append("\"\n\n--b")
				.append(i)
				.append("\nContent-Type: message/rfc822\n\n");
		}
		sb.append("Subject: innermost\n\nhello\n");
		BounceReport report = classifier.classify(sb.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(report).isNotNull();
	}

	@Test
	void bodyWithOnlyManyAddressesReportsAFewAtMost() {
		StringBuilder sb = new StringBuilder("From: postmaster@mx.example.net\nSubject: Returned mail\n\nSee:");
		for (int i = 0; i < 10_000; i++) {
			sb.append(" user").append(i).append("@example.net");
		}
		BounceReport report = classifier.classify(sb.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(report.recipients().size()).isLessThanOrEqualTo(5);
	}

	@Test
	void wrongCharsetAndEightBitHeadersAreRead() {
		BounceReport report = classifier.classify(BounceClassifierTests.fixture("eightbit-unknown-charset.eml"));
		assertThat(report.recipients()).extracting(BouncedRecipient::recipient).containsExactly("vera@example.de");
	}

	@Test
	void smtpReplyWithNullOrOddText() {
		assertThat(BounceClassifier.fromSmtpReply(null, 550, null).classification()).isEqualTo(Classification.SOFT);
		assertThat(BounceClassifier.fromSmtpReply("a@b.example", 999, "???").reason()).isNotNull();
		assertThat(BounceClassifier.fromSmtpReply("a@b.example", 250, "2.0.0 OK").classification())
			.isEqualTo(Classification.NONE);
	}

}
