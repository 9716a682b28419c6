package org.listserv.posting;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The real dnsjava resolver class against a fake DNS server on 127.0.0.1 (no internet needed). */
class DnsDmarcPoliciesTests {

	private DatagramSocket socket;

	private final AtomicInteger queries = new AtomicInteger();

	private Thread server;

	@BeforeEach
	void startFakeDns() throws Exception {
		socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
		server = new Thread(() -> {
			byte[] buffer = new byte[512];
			while (!socket.isClosed()) {
				try {
					DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
					socket.receive(packet);
					queries.incrementAndGet();
					Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
					Name name = query.getQuestion().getName();
					Message answer = new Message(query.getHeader().getID());
					answer.getHeader().setFlag(Flags.QR);
					answer.addRecord(query.getQuestion(), Section.QUESTION);
					if (name.toString().equals("_dmarc.strict.test.")) {
						answer.addRecord(new TXTRecord(name, DClass.IN, 60, "v=DMARC1; p=reject; pct=100"), Section.ANSWER);
					}
					else if (name.toString().equals("_dmarc.parent.test.")) {
						answer.addRecord(new TXTRecord(name, DClass.IN, 60, "v=DMARC1; p=quarantine"), Section.ANSWER);
					}
					else {
						answer.getHeader().setRcode(Rcode.NXDOMAIN);
					}
					byte[] wire = answer.toWire();
					socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
				}
				catch (Exception ex) {
					// closed: the test is over
				}
			}
		});
		server.setDaemon(true);
		server.start();
	}

	@AfterEach
	void stop() {
		socket.close();
	}

	private DnsDmarcPolicies policies(int port, String fallback) throws Exception {
		DnsDmarcPolicies p = new DnsDmarcPolicies(new PostingProperties(true, fallback, Duration.ofMillis(500),
				Duration.ofHours(1), Duration.ofDays(14), Duration.ofHours(1)));
		SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
		resolver.setPort(port);
		resolver.setTimeout(Duration.ofMillis(500));
		p.useResolver(resolver);
		return p;
	}

	@Test
	void readsThePolicyOfTheDomainThenItsParentAndCachesIt() throws Exception {
		DnsDmarcPolicies p = policies(socket.getLocalPort(), "none");
		assertThat(p.policy("strict.test")).isEqualTo(DmarcPolicies.Policy.REJECT);
		assertThat(p.policy("mail.parent.test")).isEqualTo(DmarcPolicies.Policy.QUARANTINE);
		assertThat(p.policy("relaxed.test")).isEqualTo(DmarcPolicies.Policy.NONE);
		int asked = queries.get();
		assertThat(p.policy("strict.test")).isEqualTo(DmarcPolicies.Policy.REJECT);
		assertThat(queries.get()).isEqualTo(asked);
	}

	@Test
	void unreachableDnsGivesTheConfiguredDefault() throws Exception {
		DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
		try {
			DnsDmarcPolicies p = policies(silent.getLocalPort(), "quarantine");
			assertThat(p.policy("strict.test")).isEqualTo(DmarcPolicies.Policy.QUARANTINE);
		}
		finally {
			silent.close();
		}
	}

}
