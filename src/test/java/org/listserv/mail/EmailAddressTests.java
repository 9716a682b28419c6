package org.listserv.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTests {

	@Test
	void trimsAndLowerCasesTheDomainButKeepsTheLocalPart() {
		assertThat(EmailAddress.parse("  Jane.Doe@Example.ORG \t").value()).isEqualTo("Jane.Doe@example.org");
	}

	@Test
	void acceptsLocalhostForTestingAndQuotedLocalParts() {
		assertThat(EmailAddress.parse("dev@localhost").domain()).isEqualTo("localhost");
		assertThat(EmailAddress.isValid("\"odd name\"@example.org")).isTrue();
		assertThat(EmailAddress.isValid("o'brien+news@sub.example.co.uk")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "plainaddress", "@example.org", "a@", "a@b", "a@@example.org",
			"a b@example.org", "Jane <jane@example.org>", "a@example.org, b@example.org", "a@[127.0.0.1]",
			"a@example..org", "a@.example.org", "victim@example.org\r\nBcc: all@example.org" })
	void refusesWhatIsNotOneDeliverableAddress(String raw) {
		assertThatThrownBy(() -> EmailAddress.parse(raw)).isInstanceOf(EmailAddress.InvalidEmailAddressException.class);
	}

	@Test
	void refusesOverlongAddresses() {
		assertThat(EmailAddress.isValid("x".repeat(65) + "@example.org")).isFalse();
		assertThat(EmailAddress.isValid("x@" + "d".repeat(250) + ".org")).isFalse();
		assertThat(EmailAddress.isValid("x".repeat(64) + "@example.org")).isTrue();
	}

}
