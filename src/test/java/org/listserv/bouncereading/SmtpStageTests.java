package org.listserv.bouncereading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP stage, as the send job records it and as reports write it. */
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
	void findsTheLaterCommandWhenAReportNamesTwo() {
		assertThat(SmtpStage.command("host said: 550 in reply to RCPT TO command")).isEqualTo(SmtpStage.RCPT);
		assertThat(SmtpStage.command(">>> RCPT To:<a@b.example>\n>>> DATA\n<<< 554 rejected")).isEqualTo(SmtpStage.DATA);
		assertThat(SmtpStage.of("550 no", "SMTP error after initial connection")).isEqualTo(SmtpStage.CONN);
		assertThat(SmtpStage.command("nothing here")).isNull();
	}

	@Test
	void aGenericRefusalOfOurHostIsBlocked() {
		assertThat(SmtpStage.atStage("rejected", SmtpStage.HELO)).isEqualTo("blocked");
		assertThat(SmtpStage.atStage("rejected", SmtpStage.RCPT)).isEqualTo("rejected");
		assertThat(SmtpStage.atStage("mailboxfull", SmtpStage.CONN)).isEqualTo("mailboxfull");
	}

}
