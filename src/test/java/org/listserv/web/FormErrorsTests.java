package org.listserv.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.listserv.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTests {

	@Test
	void speaksOfAFieldByItsLabelNeverByItsInternalName() {
		FormErrors errors = FormErrors.of("settings",
				new InvalidInputException("fromAddress", "The fromAddress is not a valid address"),
				Map.of("fromAddress", "From address"), Map.of("fromAddress", "x@"));
		assertThat(errors.get("fromAddress")).isEqualTo("The from address is not a valid address");
		assertThat(errors.summary()).isEqualTo("Please correct From address below; nothing was saved.");
		assertThat(errors.value("fromAddress")).isEqualTo("x@");
		assertThat(errors.invalid("fromAddress")).isEqualTo("true");
		assertThat(errors.describedBy("fromAddress")).isEqualTo("settings-fromAddress-error");
		assertThat(errors.invalid("name")).isNull();
		assertThat(errors.describedBy("name")).isNull();
	}

	@Test
	void anErrorOfAFieldTheFormDoesNotShowIsTheSummaryItself() {
		FormErrors errors = FormErrors.of("new-list", new InvalidInputException("kind", "Choose a kind"), Map.of(),
				Map.of());
		assertThat(errors.has("kind")).isFalse();
		assertThat(errors.summary()).isEqualTo("Choose a kind");
	}

}
