package org.listserv.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class ApiScopesTests {

	private static String needed(String method, String path) {
		return ApiScopes.needed(new MockHttpServletRequest(method, path));
	}

	@Test
	void readsAreReadSendingIsSendAndEveryOtherChangeIsWrite() {
		assertThat(needed("GET", "/api/campaigns/7")).isEqualTo("read");
		assertThat(needed("HEAD", "/api/lists")).isEqualTo("read");
		for (String action : List.of("send", "pause", "resume", "cancel")) {
			assertThat(needed("POST", "/api/campaigns/7/" + action)).isEqualTo("send");
		}
		assertThat(needed("POST", "/api/campaigns/7/test")).isEqualTo("write");
		assertThat(needed("POST", "/api/campaigns/7/send/extra")).isEqualTo("write");
		assertThat(needed("PATCH", "/api/campaigns/7")).isEqualTo("write");
		assertThat(needed("DELETE", "/api/tokens/3")).isEqualTo("write");
	}

	@Test
	void aTokenIsAllowedItsScopesOnlyAndAPasswordLoginEverything() {
		ApiTokenAuthentication token = new ApiTokenAuthentication("a@example.org", 1, Set.of("read"), List.of());
		assertThat(ApiScopes.allows(token, "read")).isTrue();
		assertThat(ApiScopes.allows(token, "write")).isFalse();
		assertThat(ApiScopes.allows(UsernamePasswordAuthenticationToken.authenticated("a", null, List.of()), "send")).isTrue();
	}

}
