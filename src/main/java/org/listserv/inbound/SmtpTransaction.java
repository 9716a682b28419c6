package org.listserv.inbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One SMTP mail transaction: the envelope is collected, then DATA is read into memory up to the size
 * limit and stored, committed, before the 250 reply. Whatever goes wrong while storing is answered
 * 451, so that the sending MTA keeps the message and tries again.
 */
final class SmtpTransaction implements MessageHandler {

	private static final Logger log = LoggerFactory.getLogger(SmtpTransaction.class);

	/** How much of an over-size message is read (and dropped) so that its sender can hear the 552. */
	private static final long MAX_DISCARDED = 64L * 1024 * 1024;

	/**
	 * The longest DATA may take in all. The socket timeout bounds each silence; this bounds a sender that
	 * trickles a byte now and then. Past it the connection is dropped with 421 and nothing is stored.
	 */
	static final Duration MAX_DATA_TIME = Duration.ofMinutes(10);

	private final RecipientCheck recipients;

	private final InboundStore store;

	private final int maxBytes;

	private String mailFrom = "";

	private final Set<String> accepted = new LinkedHashSet<>();

	private final Duration maxDataTime;

	SmtpTransaction(RecipientCheck recipients, InboundStore store, int maxBytes) {
		this(recipients, store, maxBytes, MAX_DATA_TIME);
	}

	SmtpTransaction(RecipientCheck recipients, InboundStore store, int maxBytes, Duration maxDataTime) {
		this.recipients = recipients;
		this.store = store;
		this.maxBytes = maxBytes;
		this.maxDataTime = maxDataTime;
	}

	@Override
	public void from(String from) {
		mailFrom = from == null ? "" : from;
	}

	@Override
	public void recipient(String recipient) throws RejectException {
		accepted.add(recipients.accept(recipient));
	}

	@Override
	public String data(InputStream stream) throws RejectException, IOException {
		InputStream data = new Deadline(stream, System.nanoTime() + maxDataTime.toNanos());
		byte[] raw = data.readNBytes(maxBytes + 1);
		if (raw.length > maxBytes) {
			discardRest(data);
			log.info("Refused a message from <{}> over {} bytes", mailFrom, maxBytes);
			throw new RejectException(552, "5.3.4 Message too big: the limit is " + maxBytes + " bytes");
		}
		List<Long> ids;
		try {
			ids = store.store(InboundSource.SMTP, mailFrom, accepted, raw);
		}
		catch (RuntimeException ex) {
			log.warn("Could not store a message from <{}> to {}, answered 451: {}", mailFrom, accepted, ex.toString());
			throw new RejectException(451, "4.3.0 Could not store the message; try again later");
		}
		log.info("Received {} bytes from <{}> to {}: stored as {}", raw.length, mailFrom, accepted, ids);
		return "2.0.0 Ok: stored as " + ids;
	}

	private static void discardRest(InputStream data) throws IOException, DropConnectionException {
		byte[] buffer = new byte[64 * 1024];
		long discarded = 0;
		int n;
		while ((n = data.read(buffer)) >= 0) {
			discarded += n;
			if (discarded > MAX_DISCARDED) {
				throw new DropConnectionException(552, "5.3.4 Message too big");
			}
		}
	}

	/** Fails a read once the deadline has passed. */
	private static final class Deadline extends FilterInputStream {

		private final long deadline;

		Deadline(InputStream in, long deadline) {
			super(in);
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			check();
			return super.read();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			check();
			return super.read(b, off, len);
		}

		private void check() throws IOException {
			if (System.nanoTime() - deadline > 0) {
				throw new IOException("DATA took too long");
			}
		}

	}

	@Override
	public void done() {
		// nothing is held between transactions
	}

}
