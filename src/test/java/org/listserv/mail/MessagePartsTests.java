package org.listserv.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of a received message as readers (the bounce reader, the readable text) walk them. */
class MessagePartsTests {

	private static final String REPORT = """
			From: MAILER-DAEMON@mx.example.org
			To: news-bounces@lists.example.org
			Subject: Undelivered Mail Returned to Sender
			MIME-Version: 1.0
			Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

			--b1
			Content-Type: text/plain; charset=utf-8
			Content-Transfer-Encoding: quoted-printable

			Acci=C3=B3n: could not be delivered.
			--b1
			Content-Type: message/delivery-status

			Final-Recipient: rfc822; bob@example.net
			Action: failed
			Status: 5.1.1
			--b1
			Content-Type: message/rfc822
			Content-Disposition: attachment

			From: news@lists.example.org
			To: bob@example.net
			Message-ID: <original@lists.example.org>
			Subject: =?utf-8?Q?Bolet=C3=ADn?=

			Hello Bob
			--b1--
			""".replace("\n", "\r\n");

	@Test
	void listsEveryPartThatHoldsABodyInOrderWithItsTypeDepthAndText() {
		List<MessageParts.Part> parts = InboundMessage.parse(REPORT.getBytes(StandardCharsets.US_ASCII)).parts().parts();

		assertThat(parts).extracting(MessageParts.Part::mimeType)
			.containsExactly("text/plain", "message/delivery-status", "message/rfc822");
		assertThat(parts).extracting(MessageParts.Part::depth).containsExactly(1, 1, 1);
		assertThat(parts).extracting(MessageParts.Part::attachment).containsExactly(false, false, true);
		assertThat(parts.get(0).text(1024)).startsWith("Acción: could not be delivered.");
		assertThat(parts.get(1).text(1024)).contains("Final-Recipient: rfc822; bob@example.net");
		assertThat(parts.get(0).message()).isNull();
	}

	@Test
	void anAttachedMessageReadsTheSameWay() {
		MessageParts original = InboundMessage.parse(REPORT.getBytes(StandardCharsets.US_ASCII)).parts().parts().get(2)
			.message();

		assertThat(original).isNotNull();
		assertThat(original.messageId()).isEqualTo("<original@lists.example.org>");
		assertThat(original.headers().get("subject")).containsExactly("Boletín");
		assertThat(original.headers().get("to")).containsExactly("bob@example.net");
		assertThat(original.parts()).singleElement().satisfies(p -> {
			assertThat(p.depth()).isZero();
			assertThat(p.text(1024)).startsWith("Hello Bob");
		});
	}

	@Test
	void attachmentNamesAreThePartsWithAFileNameOrAnAttachmentDisposition() {
		String mail = """
				Subject: files
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: text/plain

				see the files
				--b
				Content-Type: application/pdf
				Content-Disposition: inline; filename="agenda.pdf"

				%PDF
				--b
				Content-Type: text/csv
				Content-Disposition: attachment

				a,b
				--b--
				""".replace("\n", "\r\n");

		assertThat(InboundMessage.parse(mail.getBytes(StandardCharsets.US_ASCII)).attachmentNames())
			.containsExactly("agenda.pdf", "(unnamed text/csv)");
		assertThat(InboundMessage.parse(REPORT.getBytes(StandardCharsets.US_ASCII)).attachmentNames())
			.containsExactly("(unnamed message/rfc822)");
	}

	@Test
	void textWithoutACharsetIsUtf8WhenValidAndLatin1Otherwise() {
		assertThat(MessageParts.decode("Acción".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("Acción");
		assertThat(MessageParts.decode("Acción".getBytes(StandardCharsets.ISO_8859_1), "us-ascii")).isEqualTo("Acción");
		assertThat(MessageParts.decode("Acción".getBytes(StandardCharsets.ISO_8859_1), "no-such-charset"))
			.isEqualTo("Acción");
		assertThat(MessageParts.decode("Acción".getBytes(StandardCharsets.ISO_8859_1), "\"ISO-8859-1\""))
			.isEqualTo("Acción");
		assertThat(MessageParts.decode(new byte[] { 'a', (byte) 0xc3 }, null)).as("a sequence cut short")
			.isEqualTo("a\u00c3");
	}

	@Test
	void readsAtMostTheBytesAskedFor() {
		String big = "Subject: x\r\n\r\n" + "y".repeat(10_000);
		MessageParts.Part body = InboundMessage.parse(big.getBytes(StandardCharsets.US_ASCII)).parts().parts().get(0);

		assertThat(body.text(100)).hasSize(100);
	}

	@Test
	void walkingChecksTheReadersBudget() {
		ByteArrayOutputStream mail = new ByteArrayOutputStream();
		mail.writeBytes("Subject: many\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < 2000; i++) {
			mail.writeBytes("--b\r\nContent-Type: text/plain\r\n\r\npart\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		mail.writeBytes("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
		MessageParts parts = InboundMessage.parse(mail.toByteArray()).parts();

		assertThat(parts.parts()).hasSize(2000);
		assertThatThrownBy(() -> ReadingBudget.within(Duration.ZERO, parts::parts))
			.isInstanceOf(ReadingBudget.TooCostlyException.class);
	}

}
