package org.listserv.bouncereading;

import org.listserv.mail.SmtpStage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP stage as reports write it. */
class StageInTextTests {

	@Test
	void findsTheLaterCommandWhenAReportNamesTwo() {
		assertThat(StageInText.command("host said: 550 in reply to RCPT TO command")).isEqualTo(SmtpStage.RCPT);
		assertThat(StageInText.command(">>> RCPT To:<a@b.example>\n>>> DATA\n<<< 554 rejected")).isEqualTo(SmtpStage.DATA);
		assertThat(StageInText.of("550 no", "SMTP error after initial connection")).isEqualTo(SmtpStage.CONN);
		assertThat(StageInText.command("nothing here")).isNull();
	}

	@Test
	void aGenericRefusalOfOurHostIsBlocked() {
		assertThat(StageInText.atStage("rejected", SmtpStage.HELO)).isEqualTo("blocked");
		assertThat(StageInText.atStage("rejected", SmtpStage.RCPT)).isEqualTo("rejected");
		assertThat(StageInText.atStage("mailboxfull", SmtpStage.CONN)).isEqualTo("mailboxfull");
	}

}
