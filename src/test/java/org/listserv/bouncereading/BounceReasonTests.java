package org.listserv.bouncereading;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason of a failure, from the status code's registered meaning and the phrases many MTAs use, and the
 * precedence between them. Fixtures are one-recipient RFC 3464 reports written here (see
 * {@link BounceUnknownUserTests#dsn}); an empty status or diagnostic leaves the field out.
 */
class BounceReasonTests {

	private final BounceClassifier classifier = new BounceClassifier();

	@ParameterizedTest(name = "{3}: {0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			4.0.0 | | delivery temporarily suspended: host mx.example.net[192.0.2.9] refused to talk to me: 421 Service not available | blocked | the greeting refused: our host, not the mailbox
			5.0.0 | | SMTP error from remote mail server after initial connection: 554 mx.example.net closing | blocked | Exim's greeting stage
			4.0.0 | DNS lookup of example.net responded with NXDOMAIN: Domain name not found | | networkerror | a lookup the MTA will retry
			5.7.1 | 550-5.7.1 This message has multiple 550-5.7.1 addresses in From: header and is not accepted | | notcompliantrfc | a multi-line reply read as one phrase
			5.0.0 | Your message to the list was rejected due to spam classification. You may set up SPF records for your domain. | | spamdetected | the verdict, not the advice
			5.0.0 | 550 Unauthenticated senders not allowed | | securityerror | SMTP AUTH, not SPF/DKIM
			5.0.0 | 550-Please turn on SMTP Authentication in your mail client | | securityerror | SMTP AUTH
			4.4.3 | | Could not reach the LDAP directory. (#4.4.3) | systemerror | X.4.3 is a directory server failure
			4.4.7 | 452 4.4.5 Insufficient disk space, try later | | systemfull | the server's disk, not the mailbox
			5.2.3 | 552 5.2.3 Message length exceeds the limit of this mailbox | | exceedlimit | X.2.3 decides over "message length exceeds"
			4.4.7 | | Could not deliver to the following recipients: unable to connect to the destination mail server. | expired | X.4.7: delivery time expired
			5.0.0 | 550-REJECTED - Blacklisted URL in message (example.com) | | spamdetected | a URI blocklist is about the content
			5.6.0 | 550 5.6.0 <bo@example.net>: Recipient address rejected: Media error | | contenterror | Postfix's general prefix yields to the code
			5.0.0 | 554 Mail from sender@example.org rejected for policy reasons | | policyviolation | policy before the general "mail from ... rejected"
			5.7.1 | 550 5.7.1 <bo@example.net>: Recipient address rejected: account bo@example.net temporarily locked | | suspend | a locked account
			5.2.1 | 550-5.2.1 The user is receiving mail at a rate that prevents additional messages from being delivered | | speeding | the rate, not a disabled mailbox
			4.3.0 | x-unix; temporary failure | | mailererror | a local delivery program failed
			5.7.1 | 550 5.7.1 Message content rejected, UBE, id=1234 | | spamdetected | unsolicited bulk e-mail
			5.0.0 | 550 Connection frequency limited, try again later | | toomanyconn | a connection rate
			4.7.0 | 421 4.7.0 Messages from 192.0.2.9 temporarily deferred due to user complaints | | badreputation | complaints are reputation
			5.0.0 | 554 Invalid IP for sending mail of domain example.org | | blocked | our IP
			5.7.18 | | | hasmoved | RFC 7293: the domain owner has changed
			4.4.5 | | | systemfull | X.4.5 mail system congestion
			5.5.3 | | | toomanyconn | X.5.3 too many recipients
			5.7.16 | | | mesgtoobig | RFC 6710: too big for the priority
			""")
	void reasonFollowsTheCodesMeaningAndTheMoreSpecificPhrase(String status, String diagnostic, String humanText,
			String reason, String why) {
		String text = humanText == null ? "Delivery to bo@example.net failed." : "bo@example.net: " + humanText;
		byte[] message = BounceUnknownUserTests.dsn("bo@example.net", status, diagnostic == null ? "" : diagnostic, text);
		BouncedRecipient r = classifier.classify(message).recipients().get(0);
		assertThat(r.reason()).as(why).isEqualTo(reason);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Hola: el grupo con el que has intentado ponerte en contacto no existe. Visita https://groups.google.com/support/ para más información.
			Hallo, die Gruppe existiert nicht oder du darfst dort nicht posten. Hilfe: https://groups.google.com/support/
			""")
	void aGoogleGroupsRefusalInAnyLanguageIsRejected(String text) {
		String message = """
				From: Mail Delivery Subsystem <mailer-daemon@googlemail.example>
				To: news-bounces@lists.example.org
				Subject: Delivery Status Notification (Failure)
				X-Failed-Recipients: team@groups.example.com
				Content-Type: text/plain; charset=UTF-8

				%s
				""".formatted(text);
		BouncedRecipient r = classifier.classify(message.getBytes(StandardCharsets.UTF_8))
			.recipients()
			.get(0);
		assertThat(r.recipient()).isEqualTo("team@groups.example.com");
		assertThat(r.reason()).isEqualTo("rejected");
		assertThat(r.classification()).isEqualTo(Classification.SOFT);
	}

}
