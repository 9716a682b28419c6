package org.listserv.inbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

import org.listserv.mail.MailProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The embedded SMTP server (SubEthaSMTP), started and stopped with the application when
 * {@code listserv.inbound.smtp.enabled}. It takes mail for the lists' addresses only and answers 250
 * only once the message is committed to the database. The message is stored byte for byte as sent, with
 * no trace header of its own: the row keeps the envelope and the time, and the MTA in front adds its
 * {@code Received:} line.
 */
@Component
class SmtpListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

	/** More recipients in one transaction get 452, and the sending MTA sends them in another. */
	private static final int MAX_RECIPIENTS = 100;

	private final InboundProperties properties;

	private final MailProperties mail;

	private final RecipientCheck recipients;

	private final InboundStore store;

	/** Where the port actually bound is published, like Boot's {@code local.server.port}, for tests. */
	static final String PORT_PROPERTY = "local.listserv.inbound.smtp.port";

	private final ConfigurableEnvironment environment;

	private volatile SMTPServer server;

	SmtpListener(InboundProperties properties, MailProperties mail, RecipientCheck recipients, InboundStore store,
			ConfigurableEnvironment environment) {
		this.properties = properties;
		this.mail = mail;
		this.recipients = recipients;
		this.store = store;
		this.environment = environment;
	}

	/**
	 * The port listened on, the one chosen when configured as 0; -1 when not listening. Also published
	 * as the property {@value #PORT_PROPERTY}.
	 */
	int port() {
		SMTPServer s = server;
		return s == null ? -1 : s.getPortAllocated();
	}

	@Override
	public synchronized void start() {
		InboundProperties.Smtp smtp = properties.smtp();
		if (!smtp.enabled() || server != null) {
			return;
		}
		SMTPServer s = SMTPServer.port(smtp.port())
			.bindAddress(address(smtp.bindAddress()))
			.hostName(mail.domain())
			.softwareName("listserv")
			.messageHandlerFactory(context -> new SmtpTransaction(recipients, store, properties.maxMessageBytes()))
			.maxMessageSize(properties.maxMessageBytes())
			.insertReceivedHeaders(false)
			.maxRecipients(MAX_RECIPIENTS)
			.maxConnections(smtp.maxConnections())
			.connectionTimeoutMs((int) Math.min(Integer.MAX_VALUE, smtp.timeout().toMillis()))
			.serverThreadName("smtp-listener")
			.build();
		s.start();
		server = s;
		environment.getPropertySources()
			.addFirst(new MapPropertySource("listserv.inbound.smtp", Map.of(PORT_PROPERTY, s.getPortAllocated())));
		log.info("SMTP listener on {}:{} for the list domain {}", smtp.bindAddress(), s.getPortAllocated(),
				mail.domain());
	}

	@Override
	public synchronized void stop() {
		SMTPServer s = server;
		server = null;
		if (s != null) {
			s.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

	private static InetAddress address(String host) {
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("listserv.inbound.smtp.bind-address: unknown host " + host, ex);
		}
	}

}
