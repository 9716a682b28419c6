package org.listserv.sending;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import org.listserv.mail.SmtpConnection;

/**
 * Open SMTP connections kept between chunks, so a send does not connect and greet again every few dozen
 * messages. A lane borrows one (a kept one, or a new one to a relay chosen by weight), sends its part of a
 * chunk over it and gives it back; a connection idle longer than {@code maxIdleNanos} is closed rather
 * than reused, and at most {@code maxKept} are kept. A connection that lost its peer reconnects at its next
 * message ({@link SmtpConnection}).
 */
final class SmtpPool implements AutoCloseable {

	private record Kept(SmtpConnection connection, long since) {
	}

	private final Supplier<SmtpConnection> relays;

	private final ConcurrentLinkedDeque<Kept> idle = new ConcurrentLinkedDeque<>();

	private final int maxKept;

	private final long maxIdleNanos;

	SmtpPool(Supplier<SmtpConnection> relays, int maxKept, long maxIdleNanos) {
		this.relays = relays;
		this.maxKept = maxKept;
		this.maxIdleNanos = maxIdleNanos;
	}

	SmtpConnection borrow() {
		Kept k;
		while ((k = idle.pollFirst()) != null) {
			if (System.nanoTime() - k.since() < maxIdleNanos) {
				return k.connection();
			}
			k.connection().close();
		}
		return relays.get();
	}

	void giveBack(SmtpConnection connection) {
		if (idle.size() < maxKept) {
			idle.offerFirst(new Kept(connection, System.nanoTime()));
		}
		else {
			connection.close();
		}
	}

	@Override
	public void close() {
		Kept k;
		while ((k = idle.pollFirst()) != null) {
			k.connection().close();
		}
	}

}
