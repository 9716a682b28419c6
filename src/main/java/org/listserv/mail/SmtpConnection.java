package org.listserv.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Properties;

import com.google.re2j.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection (Angus) for bulk mail: sends messages already written to bytes, each with its own
 * envelope sender (VERP), over the same connection. It connects at the first send and again after the
 * connection was lost. Not thread-safe: one per worker.
 */
public final class SmtpConnection implements AutoCloseable {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * The server's answer to one message.
	 * @param code the SMTP reply code, or 0 when the connection failed or was lost
	 * @param stage for a refusal, the command it answered: {@code MAIL}, {@code RCPT} or {@code DATA}; else null
	 */
	public record Reply(int code, String text, SmtpStage stage) {

		public Reply(int code, String text) {
			this(code, text, null);
		}

		public boolean accepted() {
			return code >= 200 && code < 300;
		}

		/** A 5xx: retrying will not help. */
		public boolean permanent() {
			return code >= 500;
		}

	}

	private final Session session;

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private SMTPTransport transport;

	private long lastUsed;

	private static final long IDLE_CHECK_NANOS = 2_000_000_000L;

	/** @param properties Angus session properties ({@code mail.smtp.*}: timeouts, TLS, auth) */
	public SmtpConnection(String host, int port, String username, String password, Properties properties) {
		this.session = Session.getInstance(properties);
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
	}

	/** Sends one message; never throws for an SMTP or connection failure, which the reply describes. */
	public Reply send(String envelopeFrom, String recipient, byte[] message) {
		try {
			// Angus's isConnected() costs a NOOP round trip: only asked after the connection sat idle a while
			if (transport != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !transport.isConnected()) {
				drop();
			}
			if (transport == null) {
				transport = (SMTPTransport) session.getTransport("smtp");
				transport.connect(host, port, username, password);
			}
			lastUsed = System.nanoTime();
			SMTPMessage m = new RawMessage(session, message);
			m.setEnvelopeFrom(envelopeFrom);
			transport.sendMessage(m, new Address[] { new InternetAddress(recipient) });
			return new Reply(transport.getLastReturnCode(), oneLine(transport.getLastServerResponse()));
		}
		catch (SMTPAddressFailedException ex) {
			return failed(ex.getReturnCode(), ex.getMessage(), SmtpStage.RCPT);
		}
		catch (SMTPSendFailedException ex) {
			return failed(ex.getReturnCode(), ex.getMessage(), SmtpStage.ofCommand(ex.getCommand()));
		}
		catch (SendFailedException ex) {
			if (ex.getNextException() instanceof SMTPAddressFailedException a) {
				return failed(a.getReturnCode(), a.getMessage(), SmtpStage.RCPT);
			}
			drop();
			return new Reply(0, oneLine(String.valueOf(ex.getMessage())));
		}
		catch (MessagingException | RuntimeException ex) {
			drop();
			return new Reply(0, "connection: " + oneLine(String.valueOf(ex.getMessage())));
		}
	}

	/**
	 * A refusal; with no reply code (Angus says -1 when the server closed the connection instead of
	 * answering) the connection is dead: dropped, so that the next message gets a new one.
	 */
	private Reply failed(int code, String message, SmtpStage stage) {
		if (code <= 0) {
			drop();
			return new Reply(0, "connection: " + oneLine(message));
		}
		return new Reply(code, oneLine(message), stage);
	}

	private void drop() {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ignored) {
				// already gone
			}
			transport = null;
		}
	}

	@Override
	public void close() {
		drop();
	}

	private static String oneLine(String s) {
		return s == null ? "" : WHITESPACE.matcher(s.strip()).replaceAll(" ");
	}

	/** A message whose bytes are already written: Angus sends them as they are. */
	private static final class RawMessage extends SMTPMessage {

		private final byte[] bytes;

		RawMessage(Session session, byte[] bytes) {
			super(session);
			this.bytes = bytes;
		}

		@Override
		public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
			os.write(bytes);
		}

		@Override
		public int getSize() {
			return bytes.length;
		}

	}

}
