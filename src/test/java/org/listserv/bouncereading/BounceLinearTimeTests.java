package org.listserv.bouncereading;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long runs of the characters that addresses, codes and phrases are made of, wherever a crafted message
 * can put them, are read in linear time: before the patterns were RE2/J, a 200 KB From display name kept
 * the classifier busy for over six minutes (each start position scanned the whole run again). The timeout
 * only catches a hang; the assertions check that the real recipient is still found.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BounceLinearTimeTests {

	private static final int RUN = 200_000;

	private final BounceClassifier classifier = new BounceClassifier();

	private static String run(String unit) {
		return unit.repeat(RUN / unit.length());
	}

	private static String postfixBounce(String extraHeaders, String beforeReport) {
		return "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\r\n"
				+ "To: peace-bounces@lists.example.org\r\n"
				+ "Subject: Undelivered Mail Returned to Sender\r\n" + extraHeaders
				+ "\r\n" + beforeReport
				+ "This is the mail system at host mx.example.net.\r\n\r\n"
				+ "<bob@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <bob@example.net>:\r\n"
				+ "    Recipient address rejected: User unknown (in reply to RCPT TO command)\r\n";
	}

	private BouncedRecipient bob(String mail) {
		BounceReport report = classifier.classify(mail.getBytes(StandardCharsets.UTF_8));
		assertThat(report.recipients()).extracting(BouncedRecipient::recipient).contains("bob@example.net");
		return report.recipients().stream().filter(r -> "bob@example.net".equals(r.recipient())).findFirst().orElseThrow();
	}

	@Test
	void aFromDisplayNameOfTwoHundredKilobytesOfLocalPartCharactersIsReadAtOnce() {
		String mail = "From: \"" + run("a") + "\" <x@example.org>\r\n" + "To: peace-bounces@lists.example.org\r\n"
				+ "Subject: Undelivered Mail Returned to Sender\r\n\r\n"
				+ "<bob@example.net>: host mx said: 550 5.1.1 user unknown\r\n";
		BouncedRecipient bob = bob(mail);
		assertThat(bob.classification()).isEqualTo(Classification.HARD);
		assertThat(bob.reason()).isEqualTo("userunknown");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "a.", "a-", "1.", "a@", "5.1.", "550 ", "<a", "user unknown ", "=?" })
	void runsInEveryHeaderAReportIsReadFromAreReadAtOnce(String unit) {
		String r = run(unit);
		String headers = "Reply-To: \"" + r + "\" <y@example.org>\r\nX-Failed-Recipients: " + r + "\r\n"
				+ "Return-Path: <" + r + ">\r\nDelivered-To: " + r + "\r\n";
		assertThat(bob(postfixBounce(headers, "")).classification()).isEqualTo(Classification.HARD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "a.", "x@a.", "a-", "1.", "5.1.", "550 ", "<a", "to ", "mail domain " })
	void runsInTheTextBeforeTheReportNeitherStallNorHideTheRecipient(String unit) {
		String mail = postfixBounce("", run(unit) + "\r\n\r\n");
		assertThat(bob(mail).classification()).isEqualTo(Classification.HARD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "a.", "5.1.", "550 ", "mailbox unavailable " })
	void runsInTheFieldsOfADeliveryStatusReportAreReadAtOnce(String unit) {
		String r = run(unit);
		String mail = """
				From: MAILER-DAEMON@mx.example.net
				To: peace-bounces@lists.example.org
				Subject: Delivery Status Notification (Failure)
				Content-Type: multipart/report; report-type=delivery-status; boundary="b"

				--b
				Content-Type: text/plain

				Delivery failed.

				--b
				Content-Type: message/delivery-status

				Reporting-MTA: dns; %1$s

				Final-Recipient: rfc822; bob@example.net
				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 %1$s
				X-Note: %1$s
				 %1$s

				Final-Recipient: rfc822; %1$s@example.net
				Action: failed
				Status: 5.0.0

				--b--
				""".formatted(r);
		assertThat(bob(mail).classification()).isEqualTo(Classification.HARD);
	}

}
