package org.listserv.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTests {

	@Test
	void readsAddressesAsRangesOfOne() {
		assertThat(TrustedProxies.ranges(List.of(" 10.0.0.5 ", "10.20.0.0/16", "::1", "fd00::/8", "")))
			.containsExactly("10.0.0.5/32", "10.20.0.0/16", "::1/128", "fd00::/8");
	}

	@Test
	void refusesNamesAndMalformedRangesWithTheKeyInTheMessage() {
		assertThatThrownBy(() -> TrustedProxies.ranges(List.of("proxy.internal")))
			.hasMessageContaining("listserv.web.trusted-proxies")
			.hasMessageContaining("proxy.internal");
		assertThatThrownBy(() -> TrustedProxies.ranges(List.of("10.0.0.0/33")))
			.hasMessageContaining("listserv.web.trusted-proxies");
		assertThatThrownBy(() -> TrustedProxies.ranges(List.of("10.0.0.*")))
			.hasMessageContaining("not an IP address");
	}

}
