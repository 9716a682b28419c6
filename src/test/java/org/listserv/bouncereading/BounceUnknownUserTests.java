package org.listserv.bouncereading;

import org.listserv.mail.SmtpStage;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a "user unknown" is believed (hard) and when it is not: the receiving system's unambiguous permanent
 * SMTP reply is hard whether its enhanced code is about the address, undefined or about the mailbox, with no
 * stage; the cases the rule guards against stay soft. Fixtures are RFC 3464 reports written here: a
 * human-readable part and one recipient's delivery-status fields.
 */
class BounceUnknownUserTests {

	private final BounceClassifier classifier = new BounceClassifier();

	/** A Diagnostic-Code value that names its type ("x-unix; ..."); others get "smtp; ". */
	private static final Pattern TYPED = Pattern.compile("(?i)(smtp|x-unix|x-postfix); ");

	/** A delivery status notification for one recipient; {@code status} or {@code diagnostic} may be empty. */
	static byte[] dsn(String recipient, String status, String diagnostic, String humanText) {
		String fields = "Final-Recipient: rfc822; " + recipient + "\nAction: failed\n"
				+ (status.isEmpty() ? "" : "Status: " + status + "\n")
				+ (diagnostic.isEmpty() ? ""
						: "Diagnostic-Code: " + (TYPED.matcher(diagnostic).lookingAt() ? "" : "smtp; ") + diagnostic + "\n");
		String message = """
				From: MAILER-DAEMON@out.lists.example.org (Mail Delivery System)
				To: news-bounces@lists.example.org
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				%s

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; out.lists.example.org

				%s
				--b1--
				""".formatted(humanText, fields).replace("\n", "\r\n");
		return message.getBytes(StandardCharsets.UTF_8);
	}

	private BouncedRecipient classify(String recipient, String status, String diagnostic, String humanText) {
		BounceReport report = classifier.classify(dsn(recipient, status, diagnostic, humanText));
		assertThat(report.recipients()).extracting(BouncedRecipient::recipient).containsExactly(recipient);
		return report.recipients().get(0);
	}

	@ParameterizedTest(name = "{1} / {2}")
	@CsvSource(delimiter = '|', textBlock = """
			ann@example.net  | 5.0.0 | 550 <ann@example.net>: User unknown                      | userunknown
			ann@example.net  | 5.0.0 | 550 ann@example.net... No such user                      | userunknown
			ann@example.net  | 5.2.1 | 550 5.2.1 <ann@example.net>... User Unknown              | userunknown
			ann@example.net  | 5.2.0 | 550 Unknown user ann@example.net                         | userunknown
			ann@example.net  | 5.0.0 | 550 Requested action not taken: mailbox not found        | userunknown
			ann@example.net  | 5.5.0 | 550 5.5.0 <ann@example.net>: Recipient not found         | userunknown
			ann@example.net  | 5.0.0 | 550 <ann@example.net>: Recipient address rejected: User unknown | userunknown
			ann@example.net  | 5.0.0 | 550 The email account that you tried to reach does not exist | userunknown
			ann@example.net  | 5.0.0 | 550 Bad destination mailbox address                      | userunknown
			ann@example.net  | 5.0.0 | 550 Bad destination system address                       | hostunknown
			ann@example.net  | 5.1.2 | 550 5.1.2 Bad destination system address                 | hostunknown
			""")
	void theReceivingServersUnambiguousPermanentUnknownUserIsHardWithoutAStageOrAnAddressCode(String recipient, String status,
			String diagnostic, String reason) {
		BouncedRecipient r = classify(recipient, status == null ? "" : status, diagnostic,
				"<" + recipient + ">: host mx.example.net[192.0.2.7] said: " + diagnostic);
		assertThat(r.reason()).isEqualTo(reason);
		assertThat(r.classification()).isEqualTo(Classification.HARD);
	}

	@ParameterizedTest(name = "{3}: {1} / {2}")
	@CsvSource(delimiter = '|', textBlock = """
			5.0.0 | 550 User unknown                                 | <bo@example.net>: host mx.example.net said: 550 User unknown (in reply to end of DATA command) | filtered  | a content filter after DATA
			      | 550 User unknown                                 | ... while talking to mx.example.net.: >>> DATA <<< 550 User unknown                        | filtered  | a Sendmail transcript after DATA
			4.2.1 | 450 4.2.1 <bo@example.net>: User unknown         | <bo@example.net>: host mx.example.net said: 450 4.2.1 User unknown                            | userunknown | a 4xx (temporary)
			5.1.0 | 553 5.1.0 <news-bounces@lists.example.org>: Sender address rejected: User unknown in local recipient table | The mail system refused our sender address | rejected | our MAIL FROM refused without a stage
			5.0.0 | 550 User unknown                                 | <bo@example.net>: host mx.example.net said: 550 User unknown (in reply to MAIL FROM command)  | rejected  | our MAIL FROM refused
			5.7.1 | 550 5.7.1 User unknown                           | <bo@example.net>: host mx.example.net said: 550 5.7.1 User unknown                            | filtered  | a policy code
			5.0.0 | 550 Requested action not taken: mailbox unavailable | <bo@example.net>: host mx.example.net said: 550 Requested action not taken: mailbox unavailable | filtered | a phrase a filter uses too
			5.0.0 | 550 Recipient address rejected: Access denied    | <bo@example.net>: host mx.example.net said: 550 Recipient address rejected: Access denied     | filtered  | a phrase a filter uses too
			      |                                                  | bo@example.net: User unknown                                                                 | filtered  | no SMTP reply, no code
			      | 550 bo@example.net... No such user               | <bo@example.net>   (bo@example.net... No such user)                                          | filtered  | no enhanced code: a gateway's words as much as the mailbox's
			5.0.0 |                                                  | bo@example.net: The email account that you tried to reach does not exist                     | filtered  | no reply code
			5.0.0 | 550 <news-bounces@lists.example.org>... User unknown | <bo@example.net>: host mx.example.net said: 550 <news-bounces@lists.example.org>... User unknown | filtered | a call-out that found our sender unknown
			""")
	void anUnknownUserTheReceivingServerDidNotSayUnambiguouslyStaysSoft(String status, String diagnostic,
			String humanText, String reason, String why) {
		BouncedRecipient r = classify("bo@example.net", status == null ? "" : status,
				diagnostic == null ? "" : diagnostic, humanText);
		assertThat(r.classification()).as(why).isEqualTo(Classification.SOFT);
		assertThat(r.reason()).as(why).isEqualTo(reason);
	}

	@Test
	void aSendmailTranscriptNamesTheStageOfTheReplyThatNamesNoAddress() {
		String transcript = """
				   ----- The following addresses had permanent fatal errors -----
				<bo@example.net>
				    (reason: 550 User unknown)

				   ----- Transcript of session follows -----
				... while talking to mx.example.net.:
				>>> %s
				<<< 550 User unknown
				554 5.0.0 Service unavailable""";
		BouncedRecipient afterData = classify("bo@example.net", "5.0.0", "550 User unknown",
				transcript.formatted("DATA"));
		assertThat(afterData.classification()).isEqualTo(Classification.SOFT);
		assertThat(afterData.reason()).isEqualTo("filtered");
		BouncedRecipient afterRcpt = classify("bo@example.net", "5.0.0", "550 User unknown",
				transcript.formatted("RCPT To:<bo@example.net>"));
		assertThat(afterRcpt.classification()).isEqualTo(Classification.HARD);
		assertThat(afterRcpt.reason()).isEqualTo("userunknown");
	}

	@ParameterizedTest(name = "{0} {1} ({2})")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			550 | 5.0.0 User unknown                            | -    | hard | userunknown
			550 | 5.2.1 No such user here                       | -    | hard | userunknown
			550 | No such user here                             | -    | soft | filtered
			550 | No such user here                             | RCPT | hard | userunknown
			550 | No such user here                             | DATA | soft | filtered
			553 | No such user here                             | MAIL | soft | rejected
			553 | 5.1.0 Sender address rejected: User unknown    | -    | soft | rejected
			550 | 5.7.1 User unknown                            | -    | soft | filtered
			450 | 4.1.1 User unknown                            | -    | soft | userunknown
			550 | Requested action not taken: mailbox unavailable | -  | soft | filtered
			550 | Requested action not taken: mailbox unavailable | RCPT | hard | userunknown
			""")
	void synchronousRepliesFollowTheSameRule(int replyCode, String text, SmtpStage command, String classification,
			String reason) {
		BouncedRecipient r = BounceClassifier.fromSmtpReply("cy@example.net", replyCode, text, command);
		assertThat(r.classification().json()).isEqualTo(classification);
		assertThat(r.reason()).isEqualTo(reason);
	}

}
