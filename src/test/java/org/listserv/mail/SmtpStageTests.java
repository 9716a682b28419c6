package org.listserv.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP stage as the send job records it. */
class SmtpStageTests {

	@Test
	void readsTheStageTheSendJobRecordedAndNothingElse() {
		assertThat(SmtpStage.named("RCPT")).isEqualTo(SmtpStage.RCPT);
		assertThat(SmtpStage.named(" data ")).isEqualTo(SmtpStage.DATA);
		assertThat(SmtpStage.named("MAIL")).isEqualTo(SmtpStage.MAIL);
		assertThat(SmtpStage.named(null)).isNull();
		assertThat(SmtpStage.named("RCPT TO")).isNull();
		assertThat(SmtpStage.named("")).isNull();
	}

	@Test
	void theCommandAngusReportsIsMailRcptOrData() {
		assertThat(SmtpStage.ofCommand("MAIL FROM:<a@b.example>")).isEqualTo(SmtpStage.MAIL);
		assertThat(SmtpStage.ofCommand("rcpt to:<c@d.example>")).isEqualTo(SmtpStage.RCPT);
		assertThat(SmtpStage.ofCommand("DATA")).isEqualTo(SmtpStage.DATA);
		assertThat(SmtpStage.ofCommand(null)).as("the end of the data has no command").isEqualTo(SmtpStage.DATA);
	}

}
