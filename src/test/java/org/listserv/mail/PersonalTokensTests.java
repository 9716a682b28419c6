package org.listserv.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalTokensTests {

	@Test
	void takesOutTheTokensOfOurMemberLinksAndConfirmAddresses() {
		String text = """
				> Leave: https://lists.example.org/unsubscribe/VS4xMi4zNC4xODAwMDAwMDAw.q8Zb2n3l0vVb9sZ0aF3kQw
				> Settings: https://lists.example.org/preferences/UC4xMi4xODAwMDAwMDAw.AbCdEfGhIjKlMnOpQrStUv
				> Confirm: https://lists.example.org/confirm/abcdefghijklmnopqrstuvwxyz234567
				> Archive: https://lists.example.org/archive/news/access/QS4xLjIuMTgwMDAwMDAwMA.zzzzzzzzzzzzzzzzzzzzzz
				Reply to news-confirm+abcdefghijklmnopqrstuvwxyz234567@lists.example.org
				""";

		assertThat(PersonalTokens.redact(text))
			.contains("/unsubscribe/[personal token removed]", "/preferences/[personal token removed]",
					"/confirm/[personal token removed]", "/archive/news/access/[personal token removed]",
					"news-confirm+[personal token removed]@lists.example.org")
			.doesNotContain("VS4x", "UC4x", "abcdefghijklmnop", "QS4x");
	}

	@Test
	void leavesOtherLinksAndTheSampleLinksOfPreviewsAlone() {
		String text = "https://lists.example.org/preferences and https://lists.example.org/archive/news/42 "
				+ "https://lists.example.org/preview-link/preferences/a-very-long-list-slug-name "
				+ "https://example.org/unsubscribe/short";

		assertThat(PersonalTokens.redact(text)).isEqualTo(text);
		assertThat(PersonalTokens.redact(null)).isNull();
	}

}
