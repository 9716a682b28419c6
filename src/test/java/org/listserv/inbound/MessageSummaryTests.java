package org.listserv.inbound;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSummaryTests {

	private static MessageSummary of(String raw) {
		return MessageSummary.of(raw.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsTheDecodedSubjectAndMessageIdFromTheHeaderOnly() {
		MessageSummary summary = of("Message-ID: <a@b>\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n\r\n"
				+ "Subject: not this one\r\n");
		assertThat(summary).isEqualTo(new MessageSummary("<a@b>", "Grüße"));
	}

	@Test
	void summarisesAMessageWithBareNewlines() {
		assertThat(of("Subject: unix\n\nbody\n").subject()).isEqualTo("unix");
	}

	@Test
	void givesNothingForBytesThatAreNoMessage() {
		assertThat(of("\r\nno header")).isEqualTo(MessageSummary.NONE);
		assertThat(of("")).isEqualTo(MessageSummary.NONE);
	}

	@Test
	void keepsAnOverlongSubjectToOneBoundedLine() {
		String subject = of("Subject: " + "a".repeat(5000) + "\r\n\r\n").subject();
		assertThat(subject).hasSize(999).endsWith("…");
	}

}
