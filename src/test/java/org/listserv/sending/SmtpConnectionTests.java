package org.listserv.sending;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.listserv.mail.SmtpConnection;
import org.listserv.mail.SmtpStage;

import static org.assertj.core.api.Assertions.assertThat;

/** One SMTP connection reused for many messages: each reply is the recipient's own, whatever came before. */
class SmtpConnectionTests {

	static final byte[] MESSAGE = "From: a@example.org\r\nTo: x@example.net\r\nSubject: x\r\n\r\nhi\r\n".getBytes();

	@Test
	void aConnectionTheServerClosedIsNotReusedSoTheNextRecipientGetsItsOwnReply() throws Exception {
		try (FakeSmtpServer sink = new FakeSmtpServer();
				SmtpConnection smtp = new SmtpConnection("127.0.0.1", sink.port(), null, null, new Properties())) {
			SmtpConnection.Reply dropped = smtp.send("b@example.org", "drop1@example.net", MESSAGE);
			assertThat(dropped.code()).isZero();
			assertThat(dropped.text()).startsWith("connection:");
			assertThat(smtp.send("b@example.org", "reject1@example.net", MESSAGE)).extracting(SmtpConnection.Reply::code,
					SmtpConnection.Reply::stage).containsExactly(550, SmtpStage.RCPT);
			assertThat(smtp.send("b@example.org", "spam1@example.net", MESSAGE)).extracting(SmtpConnection.Reply::code,
					SmtpConnection.Reply::stage).containsExactly(554, SmtpStage.DATA);
			assertThat(smtp.send("b@example.org", "ok1@example.net", MESSAGE).code()).isEqualTo(250);
			assertThat(smtp.send("b@example.org", "later1@example.net", MESSAGE).code()).isEqualTo(451);
			assertThat(smtp.send("b@example.org", "ok2@example.net", MESSAGE).code()).isEqualTo(250);
			assertThat(smtp.send("b@example.org", "drop2@example.net", MESSAGE).code()).isZero();
			assertThat(smtp.send("b@example.org", "ok3@example.net", MESSAGE).code()).isEqualTo(250);
			assertThat(sink.accepted).containsExactly("ok1@example.net", "ok2@example.net", "ok3@example.net");
		}
	}

}
