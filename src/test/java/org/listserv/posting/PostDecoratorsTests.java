package org.listserv.posting;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;
import org.listserv.lists.PostingPolicy;
import org.listserv.web.WebProperties;

import static org.assertj.core.api.Assertions.assertThat;

class PostDecoratorsTests {

	static final WebProperties WEB = new WebProperties("https://lists.example.org");

	static MimeMessage parse(byte[] bytes) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
	}

	static byte[] decorate(DmarcPolicies dmarc, PostSettings settings, String raw) {
		MailingList list = PostingRulesTests.list(PostingPolicy.OPEN);
		return new PostDecorators(dmarc, WEB).decorate(PostingRulesTests.context(list, settings, raw));
	}

	@Test
	void decoratorsRunInTheirDocumentedOrder() {
		assertThat(new PostDecorators(d -> DmarcPolicies.Policy.NONE, WEB).names()).isEqualTo(PostDecorators.ORDER);
	}

	@Test
	void plainTextGetsPrefixFooterAndListHeadersAndKeepsItsFrom() throws Exception {
		MimeMessage m = parse(decorate(d -> DmarcPolicies.Policy.NONE, PostSettings.DEFAULTS,
				PostingRulesTests.raw("Vigil", "See you there.", "List-Id: <other.example.com>")));
		assertThat(m.getSubject()).isEqualTo("[peace] Vigil");
		assertThat(m.getHeader("From", ",")).isEqualTo("Ann <ann@example.net>");
		assertThat(m.getHeader("List-Id", ",")).isEqualTo("\"Peace Network\" <peace.lists.example.org>");
		assertThat(m.getHeader("X-BeenThere", ",")).isEqualTo("peace@lists.example.org");
		assertThat(m.getHeader("Reply-To")).isNull();
		assertThat(m.getContent().toString().replace("\r\n", "\n")).isEqualTo(
				"See you there.\n-- \nPeace Network mailing list: peace@lists.example.org\n"
						+ "Leave or change delivery: https://lists.example.org/preferences\n");
	}

	@Test
	void anEncodedLineBreakOrNulInTheSubjectStaysInsideTheOneSubjectLine() throws Exception {
		byte[] out = decorate(d -> DmarcPolicies.Policy.NONE, PostSettings.DEFAULTS,
				"From: ann@example.net\nSubject: =?utf-8?Q?Hi=0D=0ABcc:_all@example.org=00?=\n\nText\n");
		MimeMessage m = parse(out);
		assertThat(m.getSubject()).isEqualTo("[peace] Hi  Bcc: all@example.org\uFFFD");
		assertThat(m.getHeader("Bcc")).isNull();
	}

	@Test
	void aReplyQuotingTheAuthorsOwnLinksReachesTheListWithoutTheirTokens() throws Exception {
		String token = "eyJzIjoxMjMsImwiOjR9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
		String quoted = "https://lists.example.org/unsubscribe/" + token;
		String mail = "From: ann@example.net\nSubject: Re: Vigil\nMIME-Version: 1.0\n"
				+ "Content-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\n"
				+ "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
				+ "I will come.=0A> Leave: " + quoted.substring(0, 40) + "=\n" + quoted.substring(40) + "\n"
				+ "--b1\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
				+ java.util.Base64.getMimeEncoder().encodeToString(("<p>I will come.</p><a href=\"" + quoted
						+ "\">Leave</a>").getBytes(java.nio.charset.StandardCharsets.UTF_8))
				+ "\n--b1--\n";
		byte[] out = decorate(d -> DmarcPolicies.Policy.NONE, PostSettings.DEFAULTS, mail);
		MimeMessage m = parse(out);
		String all = new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
		jakarta.mail.internet.MimeMultipart alternative = (jakarta.mail.internet.MimeMultipart)
			((jakarta.mail.internet.MimeMultipart) m.getContent()).getBodyPart(0).getContent();
		String text = (String) alternative.getBodyPart(0).getContent();
		String html = (String) alternative.getBodyPart(1).getContent();
		assertThat(text).contains("I will come.").contains("/unsubscribe/" + org.listserv.mail.PersonalTokens.REMOVED)
			.doesNotContain(token);
		assertThat(html).contains("/unsubscribe/" + org.listserv.mail.PersonalTokens.REMOVED).doesNotContain(token);
		assertThat(all).doesNotContain(token.substring(0, 20));
		assertThat(m.getSubject()).isEqualTo("[peace] Re: Vigil");
	}

	@Test
	void aPostWithoutPersonalLinksKeepsItsBodyByteForByte() {
		String body = "--b1\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
				+ "Caf=C3=A9 at six=\n tonight\n--b1--\n";
		String mail = "From: ann@example.net\nSubject: Vigil\nMIME-Version: 1.0\n"
				+ "Content-Type: multipart/mixed; boundary=\"b1\"\n\n" + body;
		String out = new String(decorate(d -> DmarcPolicies.Policy.NONE, PostSettings.DEFAULTS, mail),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(out).contains(body.replace("\n", "\r\n"));
	}

	@Test
	void authorOfAStrictDmarcDomainIsMovedToReplyTo() throws Exception {
		DmarcPolicies stub = domain -> domain.equals("example.net") ? DmarcPolicies.Policy.REJECT
				: DmarcPolicies.Policy.NONE;
		MimeMessage m = parse(decorate(stub, PostSettings.DEFAULTS, PostingRulesTests.raw("Hi", "x")));
		assertThat(jakarta.mail.internet.MimeUtility.decodeText(m.getHeader("From", ",")))
			.isEqualTo("Ann via Peace Network <peace@lists.example.org>");
		assertThat(m.getHeader("Reply-To", ",")).isEqualTo("Ann <ann@example.net>");
		MimeMessage quarantine = parse(decorate(d -> DmarcPolicies.Policy.QUARANTINE,
				new PostSettings(null, "LIST", 100_000, 10, false, "PUBLIC", "DAILY"), PostingRulesTests.raw("Hi", "x")));
		assertThat(quarantine.getHeader("Reply-To", ",")).isEqualTo("<peace@lists.example.org>, Ann <ann@example.net>");
	}

	@Test
	void mimePostIsWrappedWithItsBodyUntouchedAndTheFooterAfterIt() throws Exception {
		String html = "From: ann@example.net\nSubject: [peace] Already prefixed\nMIME-Version: 1.0\n"
				+ "Content-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nplain\n"
				+ "--b1\nContent-Type: text/html\n\n<p>html</p>\n--b1--\n";
		byte[] out = decorate(d -> DmarcPolicies.Policy.NONE, PostSettings.DEFAULTS, html);
		MimeMessage m = parse(out);
		assertThat(m.getSubject()).isEqualTo("[peace] Already prefixed");
		assertThat(m.getContentType()).startsWith("multipart/mixed");
		Multipart mixed = (Multipart) m.getContent();
		assertThat(mixed.getCount()).isEqualTo(2);
		assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
		assertThat(((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(1).getContent().toString())
			.contains("<p>html</p>");
		assertThat(mixed.getBodyPart(1).getContent().toString()).contains("Peace Network mailing list");
		assertThat(new String(out, StandardCharsets.UTF_8)).contains(
				"--b1\r\nContent-Type: text/plain\r\n\r\nplain\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--b1--");
	}

	@Test
	void dmarcRecordsAreReadByTheirPTag() {
		assertThat(DmarcPolicies.parseRecord("v=DMARC1; p=reject; rua=mailto:x@example.net"))
			.isEqualTo(DmarcPolicies.Policy.REJECT);
		assertThat(DmarcPolicies.parseRecord("v=DMARC1;p=quarantine")).isEqualTo(DmarcPolicies.Policy.QUARANTINE);
		assertThat(DmarcPolicies.parseRecord("v=DMARC1; p=none")).isEqualTo(DmarcPolicies.Policy.NONE);
		assertThat(DmarcPolicies.parseRecord("v=spf1 -all")).isNull();
	}

	@Test
	void dnsLookupsOffMeansTheConfiguredDefault() {
		DnsDmarcPolicies policies = new DnsDmarcPolicies(new PostingProperties(false, "quarantine",
				java.time.Duration.ofSeconds(1), java.time.Duration.ofHours(1), java.time.Duration.ofDays(14),
				java.time.Duration.ofHours(1)));
		assertThat(policies.policy("example.net")).isEqualTo(DmarcPolicies.Policy.QUARANTINE);
	}

}
