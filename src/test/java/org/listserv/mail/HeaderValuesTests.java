package org.listserv.mail;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValuesTests {

	@Test
	void decodesUnfoldsAndKeepsAValueOnOneLine() {
		assertThat(HeaderValues.decode("=?utf-8?Q?Acci=C3=B3n?=\r\n urgente")).isEqualTo("Acción urgente");
		assertThat(HeaderValues.decode("=?utf-8?Q?one=0D=0Atwo=00?=")).isEqualTo("one  two\uFFFD");
		assertThat(HeaderValues.decode("tab\tstays")).isEqualTo("tab\tstays");
		assertThat(HeaderValues.decode(null)).isEmpty();
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void readsOnlyTheStartOfAValueACraftedMessagePadded() {
		String padded = "Hello " + "=?".repeat(100_000);
		assertThat(HeaderValues.decode(padded)).startsWith("Hello =?").hasSizeLessThanOrEqualTo(HeaderValues.MAX_DECODED);
		String from = "\"" + "=?".repeat(100_000) + "\" <x@example.org>, bob@example.org";
		assertThat(HeaderValues.addresses(from).size()).isLessThanOrEqualTo(1);
		assertThat(HeaderValues.addresses("a@example.org, Bob <b@example.org>").flatten()).hasSize(2);
	}

}
