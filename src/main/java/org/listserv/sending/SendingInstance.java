package org.listserv.sending;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import com.google.re2j.Pattern;

import org.listserv.shared.Sha256;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's name among those sharing the database: {@code listserv.sending.instance-id}, or the host name
 * and a hash of the data folder. Stable across restarts, so that at start-up the instance can take back at
 * once the ranges it held when it died, and tell its own stale job executions from those of live instances.
 */
@Component
class SendingInstance {

	private final String id;

	SendingInstance(SendingProperties properties, @Value("${listserv.data-dir:./data}") String dataDir) {
		String configured = properties.instanceId();
		if (configured != null && !configured.isBlank()) {
			if (!Pattern.matches("[A-Za-z0-9._:-]{1,100}", configured)) {
				throw new IllegalStateException("listserv.sending.instance-id may hold letters, digits and . _ : - only");
			}
			this.id = configured;
		}
		else {
			String folder = Path.of(dataDir).toAbsolutePath().normalize().toString();
			String hash = Sha256.hex(folder).substring(0, 8);
			this.id = host() + "-" + hash;
		}
	}

	String id() {
		return id;
	}

	private static String host() {
		try {
			return Pattern.compile("[^A-Za-z0-9.-]").matcher(InetAddress.getLocalHost().getHostName()).replaceAll("-");
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}


}
