package org.listserv.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of inbound mail: the embedded SMTP listener, the optional IMAP poller, and the processor.
 *
 * @param maxMessageSize the largest message taken (default 10MB); SMTP answers 552 above it
 * @param sweepInterval how often the processor looks for messages still RECEIVED (default 15s), for
 * instance after a crash or when another instance stored them
 * @param smtp the SMTP listener
 * @param imap the IMAP poller
 * @param messageBudget the CPU time that processing one message may take (default 5s); past it the message
 * is HELD with the note "Too costly to read automatically" and the processor goes on with the next
 */
@ConfigurationProperties("listserv.inbound")
public record InboundProperties(@DefaultValue("10MB") DataSize maxMessageSize,
		@DefaultValue("15s") Duration sweepInterval, @DefaultValue Smtp smtp, @DefaultValue Imap imap,
		@DefaultValue("5s") Duration messageBudget) {

	public InboundProperties {
		if (maxMessageSize.toBytes() < 1 || maxMessageSize.toBytes() >= Integer.MAX_VALUE) {
			throw new IllegalArgumentException("listserv.inbound.max-message-size must be between 1B and 2GB");
		}
		if (sweepInterval.isNegative() || sweepInterval.isZero()) {
			throw new IllegalArgumentException("listserv.inbound.sweep-interval must be positive");
		}
		if (messageBudget.isNegative() || messageBudget.isZero()) {
			throw new IllegalArgumentException("listserv.inbound.message-budget must be positive");
		}
	}

	int maxMessageBytes() {
		return (int) maxMessageSize.toBytes();
	}

	/**
	 * The SMTP listener, meant to sit behind the organisation's MTA (Postfix relays list mail to it).
	 *
	 * @param enabled whether to listen (default true)
	 * @param port the port (default 2525); 0 takes any free port, see {@code SmtpListener#port()}
	 * @param bindAddress the address to listen on (default 127.0.0.1: only the local MTA may connect)
	 * @param timeout how long a connection may stay silent, in a command or within DATA (default 60s)
	 * @param maxConnections connections served at once (default 20); each may hold one message of up to
	 * max-message-size in memory
	 */
	public record Smtp(@DefaultValue("true") boolean enabled, @DefaultValue("2525") int port,
			@DefaultValue("127.0.0.1") String bindAddress, @DefaultValue("60s") Duration timeout,
			@DefaultValue("20") int maxConnections) {
	}

	/**
	 * The IMAP poller, for mail that arrives in a mailbox elsewhere.
	 *
	 * @param enabled whether to poll (default false)
	 * @param host the IMAP server
	 * @param port its port (default 993)
	 * @param ssl whether to use IMAPS (default true)
	 * @param user the login
	 * @param password the password
	 * @param folder the folder to read (default INBOX)
	 * @param interval how often to poll (default 60s)
	 * @param after what to do with a message once stored (default DELETE)
	 * @param bouncesAddress for a mailbox where an organisation's bounces land: the list's bounce address
	 * ({@code {slug}-bounces@domain}) that a message is taken as sent to when none of its recipients is a list
	 * address, so it reaches bounce handling; unset (the default): such a message is FAILED
	 */
	public record Imap(@DefaultValue("false") boolean enabled, String host, @DefaultValue("993") int port,
			@DefaultValue("true") boolean ssl, String user, String password, @DefaultValue("INBOX") String folder,
			@DefaultValue("60s") Duration interval, @DefaultValue("DELETE") After after, String bouncesAddress) {

		@ConstructorBinding
		public Imap {
		}

		public Imap(boolean enabled, String host, int port, boolean ssl, String user, String password, String folder,
				Duration interval, After after) {
			this(enabled, host, port, ssl, user, password, folder, interval, after, null);
		}

		@Override
		public String toString() {
			return "Imap[" + user + "@" + host + ":" + port + "/" + folder + ", ssl=" + ssl + ", after=" + after + "]";
		}

	}

	/** What the IMAP poller does with a message on the server once it is stored. */
	public enum After {

		/** Delete and expunge it. */
		DELETE,
		/** Mark it \Seen and \Flagged, and skip flagged messages at the next poll. */
		FLAG

	}

}
