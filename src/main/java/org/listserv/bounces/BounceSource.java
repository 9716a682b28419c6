package org.listserv.bounces;

/** How a bounce reached us: a DSN by the SMTP listener or the IMAP poller, or a 5xx reply during the send. */
public enum BounceSource {

	SMTP, IMAP, SYNC

}
