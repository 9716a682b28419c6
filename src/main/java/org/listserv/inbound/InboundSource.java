package org.listserv.inbound;

/** How a message reached us: the embedded SMTP listener or the IMAP poller. */
enum InboundSource {

	SMTP, IMAP

}
