package org.listserv.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy: only the proxies named in {@code listserv.web.trusted-proxies} may say who the
 * client is. Real HTTP through Tomcat (the valve runs there, not in MockMvc), from sockets bound to
 * 127.0.0.2 (a listed proxy) and 127.0.0.3 (not listed). The context is closed after the class, so that
 * its background workers do not share the database with later tests.
 */
@TestPropertySource(properties = "listserv.web.trusted-proxies=127.0.0.2, 10.20.0.0/16")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TrustedProxiesIntegrationTests extends IntegrationTest {

	static final String PROXY = "127.0.0.2";

	static final String STRANGER = "127.0.0.3";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theConsentLedgerRecordsTheClientBehindATrustedProxy() {
		MailingList list = newList("INFORMATIONAL");
		assertThat(subscribe(PROXY, list, "behind-proxy@example.org", "203.0.113.9").status()).isEqualTo(200);
		assertThat(ledgerIp(list, "behind-proxy@example.org")).isEqualTo("203.0.113.9");
	}

	@Test
	void aClientCannotForgeItsAddressThroughTheProxy() {
		MailingList list = newList("INFORMATIONAL");
		// the client sent "X-Forwarded-For: 198.51.100.66" itself; the proxy appended the address it saw
		assertThat(subscribe(PROXY, list, "forger@example.org", "198.51.100.66, 203.0.113.13").status()).isEqualTo(200);
		assertThat(ledgerIp(list, "forger@example.org")).isEqualTo("203.0.113.13");
	}

	@Test
	void clientsBehindOneProxyHaveTheirOwnSubscribeLimit() {
		MailingList list = newList("INFORMATIONAL");
		for (int i = 0; i < 10; i++) {
			assertThat(subscribe(PROXY, list, "busy" + i + "@example.org", "203.0.113.10").status()).isEqualTo(200);
		}
		assertThat(subscribe(PROXY, list, "busy-again@example.org", "203.0.113.10").status()).isEqualTo(429);
		assertThat(subscribe(PROXY, list, "neighbour@example.org", "203.0.113.11").status())
			.as("another client behind the same proxy is not limited by the first one's requests")
			.isEqualTo(200);
	}

	@Test
	void theHeaderIsIgnoredFromAnAddressThatIsNoTrustedProxy() {
		MailingList list = newList("INFORMATIONAL");
		assertThat(subscribe(STRANGER, list, "stranger@example.org", "203.0.113.12").status()).isEqualTo(200);
		assertThat(ledgerIp(list, "stranger@example.org")).isEqualTo(STRANGER);
	}

	private RawHttp.Response subscribe(String from, MailingList list, String email, String forwardedFor) {
		return RawHttp.postForm(from, port, "/subscribe/" + list.slug(), "email=" + email.replace("@", "%40") + "&name=",
				Map.of("X-Forwarded-For", forwardedFor));
	}

	private String ledgerIp(MailingList list, String email) {
		return jdbc.sql("""
				select e.ip from consent_events e join subscribers s on s.id = e.subscriber_id
				where e.list_id = :list and lower(s.email) = lower(:email) order by e.id desc limit 1
				""").param("list", list.id()).param("email", email).query(String.class).single();
	}

}
