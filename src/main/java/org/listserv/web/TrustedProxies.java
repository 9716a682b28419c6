package org.listserv.web;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Pattern;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Who the client is behind a reverse proxy. With {@code listserv.web.trusted-proxies} set, Tomcat's
 * {@link RemoteIpValve} (the valve behind Spring Boot's {@code server.forward-headers-strategy=native})
 * runs with exactly those addresses as its internal proxies: for a request whose connection comes from
 * one of them, it reads {@code X-Forwarded-For} from the right and takes the first address that is no
 * listed proxy as the client, so that everything asking {@code request.getRemoteAddr()} (rate limits, the
 * consent ledger, the login throttle) sees the client. A request from any other address keeps its own,
 * whatever headers it carries, and what a client wrote into the header before the proxy appended to it is
 * never believed.
 *
 * <p>Why this and not Boot's own settings alone: Boot's default internal proxies are every private and
 * loopback range (10/8, 172.16/12, 192.168/16, 127/8, ...), so anyone on those networks could claim any
 * address, and Boot turns the valve on by itself on a detected cloud platform. The application sets
 * {@code server.forward-headers-strategy=none} and trusts only what this list names. Spring's
 * {@code ForwardedHeaderFilter} was no option: it believes the headers from anyone. Header names still
 * come from Boot's {@code server.tomcat.remoteip.*}.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final List<String> ranges;

	private final ObjectProvider<TomcatServerProperties> tomcat;

	TrustedProxies(ProxyProperties properties, ObjectProvider<TomcatServerProperties> tomcat) {
		this.ranges = ranges(properties.trustedProxies());
		this.tomcat = tomcat;
	}

	/** The entries as CIDR ranges (an address alone is a range of one); an entry that is neither stops the start. */
	static List<String> ranges(List<String> entries) {
		List<String> ranges = new ArrayList<>();
		for (String raw : entries) {
			String entry = raw.strip();
			if (entry.isEmpty()) {
				continue;
			}
			int slash = entry.indexOf('/');
			String address = slash < 0 ? entry : entry.substring(0, slash);
			boolean v4 = IPV4.matcher(address).matches();
			if (!v4 && !IPV6.matcher(address).matches()) {
				throw new IllegalArgumentException("listserv.web.trusted-proxies: '" + entry
						+ "' is not an IP address or CIDR range (names are not accepted: write the proxy's address)");
			}
			String range = slash < 0 ? entry + (v4 ? "/32" : "/128") : entry;
			try {
				new NetMask(range);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"listserv.web.trusted-proxies: '" + entry + "' is not an IP address or CIDR range: " + ex.getMessage(),
						ex);
			}
			ranges.add(range);
		}
		return List.copyOf(ranges);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE; // after Boot's customizer, so that this valve is the only one
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		if (ranges.isEmpty()) {
			return;
		}
		List<org.apache.catalina.Valve> others = new ArrayList<>(factory.getEngineValves());
		if (others.removeIf(RemoteIpValve.class::isInstance)) {
			log.warn("server.forward-headers-strategy / server.tomcat.remoteip.* are replaced by "
					+ "listserv.web.trusted-proxies: only {} may forward client addresses", ranges);
		}
		factory.setEngineValves(others);
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(String.join(", ", ranges)); // a '/' in every entry: read as CIDR, not regex
		valve.setTrustedProxies(null);
		TomcatServerProperties.Remoteip headers = tomcat.getIfAvailable(TomcatServerProperties::new).getRemoteip();
		if (headers.getRemoteIpHeader() != null && !headers.getRemoteIpHeader().isBlank()) {
			valve.setRemoteIpHeader(headers.getRemoteIpHeader());
		}
		valve.setProtocolHeader(headers.getProtocolHeader() != null && !headers.getProtocolHeader().isBlank()
				? headers.getProtocolHeader() : "X-Forwarded-Proto");
		valve.setProtocolHeaderHttpsValue(headers.getProtocolHeaderHttpsValue());
		valve.setHostHeader(headers.getHostHeader());
		valve.setPortHeader(headers.getPortHeader());
		factory.addEngineValves(valve);
		log.info("Client addresses are taken from X-Forwarded-For of requests from {}", ranges);
	}

}
