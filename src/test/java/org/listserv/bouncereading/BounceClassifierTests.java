package org.listserv.bouncereading;

import org.listserv.mail.SmtpStage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The classifier on fixtures written for these tests (src/test/resources/bounces), one per format and edge case. */
class BounceClassifierTests {

	private final BounceClassifier classifier = new BounceClassifier();

	static byte[] fixture(String name) {
		try (InputStream in = BounceClassifierTests.class.getResourceAsStream("/bounces/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	BounceReport classify(String name) {
		return classifier.classify(fixture(name));
	}

	@Test
	void rfc3464UserUnknownIsHardWithStatusReplyCodeAndOriginal() {
		BounceReport report = classify("rfc3464-postfix-userunknown.eml");
		assertThat(report.kind()).isEqualTo(BounceKind.DSN);
		assertThat(report.format()).isEqualTo("RFC3464");
		assertThat(report.recipients()).hasSize(1);
		BouncedRecipient r = report.recipients().get(0);
		assertThat(r.recipient()).isEqualTo("alice.walker@members.example.net");
		assertThat(r.classification()).isEqualTo(Classification.HARD);
		assertThat(r.reason()).isEqualTo("userunknown");
		assertThat(r.status()).isEqualTo("5.1.1");
		assertThat(r.replyCode()).isEqualTo(550);
		assertThat(r.diagnostic()).contains("User unknown in virtual mailbox table")
			.contains("original-recipient: rfc822;alice.walker@members.example.net");
		assertThat(report.originalMessageId()).isEqualTo("<alert-2026-11-03.42@lists.example.org>");
		assertThat(report.verpToken()).isEqualTo("Tk3x9QaZ");
	}

	@Test
	void rfc3464SeveralRecipientsEachWithItsOwnReason() {
		BounceReport report = classify("rfc3464-two-recipients.eml");
		assertThat(report.kind()).isEqualTo(BounceKind.DSN);
		assertThat(report.recipients()).extracting(BouncedRecipient::recipient)
			.containsExactly("bob@full.example.com", "carol@slow.example.com");
		BouncedRecipient full = report.recipients().get(0);
		assertThat(full.reason()).isEqualTo("mailboxfull");
		assertThat(full.classification()).isEqualTo(Classification.SOFT);
		assertThat(full.replyCode()).isEqualTo(552);
		BouncedRecipient delayed = report.recipients().get(1);
		assertThat(delayed.classification()).isEqualTo(Classification.SOFT);
		assertThat(delayed.status()).isEqualTo("4.4.1");
		assertThat(report.originalMessageId()).isEqualTo("<nov-2026@lists.example.org>");
		assertThat(report.verpToken()).isNull();
	}

	@Test
	void arfComplaintNamesTheOriginalRecipient() {
		BounceReport report = classify("arf-abuse.eml");
		assertThat(report.kind()).isEqualTo(BounceKind.COMPLAINT);
		assertThat(report.format()).isEqualTo("ARF");
		assertThat(report.recipients()).singleElement().satisfies(r -> {
			assertThat(r.recipient()).isEqualTo("dan.rivers@isp.example.net");
			assertThat(r.reason()).isEqualTo("feedback");
			assertThat(r.classification()).isEqualTo(Classification.NONE);
			assertThat(r.diagnostic()).contains("abuse");
		});
		assertThat(report.originalMessageId()).isEqualTo("<alert-77@lists.example.org>");
		assertThat(report.verpToken()).as("from Original-Mail-From").isEqualTo("Zq81");
	}

	@Test
	void verpTokenFromTheOriginalsReturnPathWhenTheBounceWasNotAddressedToIt() {
		BounceReport report = classify("exim.eml");
		assertThat(report.verpToken()).isNull();
		String forwarded = new String(fixture("exim.eml"), java.nio.charset.StandardCharsets.US_ASCII)
			.replace("Return-path: <news-bounces@lists.example.org>", "Return-path: <news-bounces+Ex9@lists.example.org>");
		assertThat(classifier.classify(forwarded.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).verpToken())
			.isEqualTo("Ex9");
	}

	@Test
	void autoReplyIsNoneForTheSender() {
		BounceReport report = classify("autoreply-vacation.eml");
		assertThat(report.kind()).isEqualTo(BounceKind.AUTO_REPLY);
		assertThat(report.recipients()).singleElement().satisfies(r -> {
			assertThat(r.recipient()).isEqualTo("erin.holt@work.example.com");
			assertThat(r.reason()).isEqualTo("vacation");
			assertThat(r.classification()).isEqualTo(Classification.NONE);
		});
	}

	@Test
	void ordinaryMailIsNotABounce() {
		BounceReport report = classify("not-a-bounce.eml");
		assertThat(report.kind()).isEqualTo(BounceKind.NOT_A_BOUNCE);
		assertThat(report.recipients()).isEmpty();
	}

	@Test
	void emptyAndNullInputAreNotABounce() {
		assertThat(classifier.classify(new byte[0]).kind()).isEqualTo(BounceKind.NOT_A_BOUNCE);
		assertThat(classifier.classify(null).kind()).isEqualTo(BounceKind.NOT_A_BOUNCE);
		assertThat(classifier.classify(null, "peace-bounces+abc@lists.example.org").verpToken()).isEqualTo("abc");
	}

	@Test
	void envelopeRecipientCarriesTheVerpToken() {
		BounceReport report = classifier.classify(fixture("rfc3464-two-recipients.eml"),
				"news-bounces+Q7w@lists.example.org");
		assertThat(report.verpToken()).isEqualTo("Q7w");
		assertThat(classifier.classify(fixture("not-a-bounce.eml"), "news@lists.example.org").verpToken()).isNull();
	}

	@Test
	void smtpReplies() {
		BouncedRecipient unknown = BounceClassifier.fromSmtpReply("Gina@Example.org", 550,
				"5.1.1 The email account that you tried to reach does not exist.");
		assertThat(unknown.recipient()).isEqualTo("gina@example.org");
		assertThat(unknown.classification()).isEqualTo(Classification.HARD);
		assertThat(unknown.reason()).isEqualTo("userunknown");
		assertThat(unknown.status()).isEqualTo("5.1.1");
		assertThat(unknown.replyCode()).isEqualTo(550);

		BouncedRecipient greylisted = BounceClassifier.fromSmtpReply("gina@example.org", 451,
				"4.7.1 Greylisting in action, please come back later");
		assertThat(greylisted.classification()).isEqualTo(Classification.SOFT);

		BouncedRecipient full = BounceClassifier.fromSmtpReply("gina@example.org", 552, "Mailbox over quota");
		assertThat(full.reason()).isEqualTo("mailboxfull");
		assertThat(full.classification()).isEqualTo(Classification.SOFT);
		assertThat(full.status()).isNull();

		assertThat(BounceClassifier.fromSmtpReply("gina@yahoo.example", 554,
				"delivery error: dd This user doesn't have a yahoo.example account (gina@yahoo.example) [0]")
			.classification()).as("the provider's own directory verdict").isEqualTo(Classification.HARD);

		assertThat(BounceClassifier.fromSmtpReply("gina@example.org", 450, "4.1.1 user unknown (try later)")
			.classification()).as("a 4xx is never hard").isEqualTo(Classification.SOFT);
	}

	@Test
	void smtpReplyWithAKnownCommand() {
		assertThat(BounceClassifier.fromSmtpReply("gina@example.org", 550, "No such user here").classification())
			.as("no code, no stage: not enough to drop a member at once")
			.isEqualTo(Classification.SOFT);
		assertThat(BounceClassifier.fromSmtpReply("gina@example.org", 550, "No such user here", SmtpStage.RCPT))
			.satisfies(r -> {
				assertThat(r.reason()).isEqualTo("userunknown");
				assertThat(r.classification()).isEqualTo(Classification.HARD);
			});
		assertThat(BounceClassifier.fromSmtpReply("gina@example.org", 550, "No such user here", SmtpStage.DATA).reason())
			.isEqualTo("filtered");
		assertThat(BounceClassifier.fromSmtpReply("gina@example.org", 553, "sender domain does not exist", SmtpStage.MAIL)
			.classification()).isEqualTo(Classification.SOFT);
		assertThat(BounceClassifier.fromSmtpReply("gina@example.org", 554,
				"5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", SmtpStage.RCPT))
			.satisfies(r -> {
				assertThat(r.reason()).isEqualTo("blocked");
				assertThat(r.classification()).isEqualTo(Classification.SOFT);
			});
	}

	@Test
	void classificationsSerializeLowerCase() {
		assertThat(List.of(Classification.values())).extracting(Classification::json)
			.containsExactly("hard", "soft", "none");
	}

}
