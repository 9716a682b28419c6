package org.listserv.mail;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MimeWriterTests {

	@Test
	void writesAMultipartAlternativeThatAngusReadsBackUnchanged() throws Exception {
		String text = "Grüße, Zoë!\nA line with = and trailing space \n" + "long ".repeat(40) + "\n\n.dot line\n";
		String html = "<p>Grüße " + "<b>x</b> ".repeat(30) + "</p>\n<p>=3D</p>";
		OutboundMessage m = new OutboundMessage("campaign", EmailAddress.parse("news@lists.example.org"),
				"Friedens-Netz \"Süd\"", EmailAddress.parse("ada@example.org"), EmailAddress.parse("reply@example.org"),
				"Neuigkeiten für Sie – Juni", text, html,
				ListHeaders.forMember("Nachrichten Süd", "news", "lists.example.org", "https://x.example.org/unsubscribe/" + "t".repeat(90)));
		byte[] bytes = MimeMessages.write(m, "lists.example.org");
		String raw = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(raw.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
		assertThat(raw).doesNotContainPattern("[^\\r]\\n");
		MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
		assertThat(parsed.getSubject()).isEqualTo("Neuigkeiten für Sie – Juni");
		InternetAddress from = (InternetAddress) parsed.getFrom()[0];
		assertThat(from.getPersonal()).isEqualTo("Friedens-Netz \"Süd\"");
		assertThat(from.getAddress()).isEqualTo("news@lists.example.org");
		assertThat(parsed.getReplyTo()[0].toString()).isEqualTo("reply@example.org");
		assertThat(parsed.getHeader("Message-ID")[0]).matches("<[0-9a-f]{32}@lists\\.example\\.org>");
		assertThat(parsed.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(jakarta.mail.internet.MimeUtility.decodeText(parsed.getHeader("List-Id")[0]))
			.isEqualTo("Nachrichten Süd <news.lists.example.org>");
		assertThat(parsed.getSentDate()).isNotNull();
		assertThat(parsed.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) parsed.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(text);
		assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
		assertThat(parts.getBodyPart(1).getContent().toString().replace("\r\n", "\n")).isEqualTo(html);
		assertThat(MimeMessages.write(m, "lists.example.org")).isNotEqualTo(bytes);
	}

	@Test
	void writesTextOnlyWhenThereIsNoHtml() throws Exception {
		OutboundMessage m = new OutboundMessage("notice", EmailAddress.parse("a@example.org"), "",
				EmailAddress.parse("b@example.org"), null, "Hi", "Just text", null, Map.of());
		MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(MimeMessages.write(m, "example.org")));
		assertThat(parsed.isMimeType("text/plain")).isTrue();
		assertThat(parsed.getContent().toString().strip()).isEqualTo("Just text");
	}

}
