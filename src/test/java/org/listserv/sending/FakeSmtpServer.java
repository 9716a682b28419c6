package org.listserv.sending;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A tiny SMTP peer for fault tests: RCPT to an address with "reject" gets 550 5.1.1, with "nouser" a bare
 * "550 no such user" (no enhanced code), with "later" 451, with "drop" the connection is closed without a
 * reply; a message to an address with "spam" is refused after its data (554 5.7.1); anything else is
 * accepted and the recipient recorded.
 * With {@link #randomFaults}, any RCPT may also get a 451 or a dropped connection, by a seeded chance.
 */
class FakeSmtpServer implements AutoCloseable {

	final List<String> accepted = new CopyOnWriteArrayList<>();

	private final ServerSocket server;

	private volatile java.util.Random faults;

	private volatile double temporaryRate;

	private volatile double dropRate;

	/**
	 * Each message's reply to its data waits for a permit: {@link #admit} lets a number through and then stalls
	 * every further message until {@link #open}, a relay that stops answering, to catch a send in flight
	 * without guessing how long it takes. Open (practically unlimited) unless a test says otherwise.
	 */
	private volatile Semaphore permits = new Semaphore(OPEN);

	private static final int OPEN = 1_000_000_000;

	/** Lets {@code n} more messages through, then holds every further one at its data until {@link #open}. */
	void admit(int n) {
		Semaphore old = permits;
		permits = new Semaphore(n);
		old.release(OPEN / 2);
	}

	/** Releases every held message and lets all further ones through. */
	void open() {
		Semaphore old = permits;
		permits = new Semaphore(OPEN);
		old.release(OPEN / 2);
	}

	/** How many messages wait at their data for {@link #open}. */
	int held() {
		return permits.getQueueLength();
	}

	/** From now on a RCPT gets 451 with chance {@code temporary}, and a dropped connection with chance {@code drop}. */
	void randomFaults(long seed, double temporary, double drop) {
		this.temporaryRate = temporary;
		this.dropRate = drop;
		this.faults = new java.util.Random(seed);
	}

	private synchronized double roll() {
		return faults == null ? 1.0 : faults.nextDouble();
	}

	FakeSmtpServer() throws IOException {
		server = new ServerSocket(0);
		Thread t = new Thread(this::serve, "fake-smtp");
		t.setDaemon(true);
		t.start();
	}

	/** A server for a static field: started, or an error that fails the test class. */
	static FakeSmtpServer startOrFail() {
		try {
			return new FakeSmtpServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the fake SMTP server", ex);
		}
	}

	int port() {
		return server.getLocalPort();
	}

	/** Makes this server the send job's relay (from a test class's {@code @DynamicPropertySource}). */
	void registerAsRelay(DynamicPropertyRegistry registry) {
		registry.add("listserv.sending.relays[0].host", () -> "127.0.0.1");
		registry.add("listserv.sending.relays[0].port", this::port);
	}

	private void serve() {
		while (!server.isClosed()) {
			try {
				Socket s = server.accept();
				Thread t = new Thread(() -> {
					try (s) {
						session(s);
					}
					catch (IOException ex) {
						// the client went away
					}
				}, "fake-smtp-session");
				t.setDaemon(true);
				t.start();
			}
			catch (IOException ex) {
				// closed, or the next connection
			}
		}
	}

	private void session(Socket s) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
		OutputStream out = s.getOutputStream();
		reply(out, "220 fake ESMTP");
		String rcpt = null;
		String line;
		while ((line = in.readLine()) != null) {
			String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
			switch (cmd) {
				case "EHLO", "HELO" -> reply(out, "250 fake");
				case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
				case "RCPT" -> {
					double chance = roll();
					if (line.contains("drop") || chance < dropRate) {
						return;
					}
					if (chance < dropRate + temporaryRate && !line.contains("reject")) {
						reply(out, "451 4.3.0 Temporary failure, try again");
						continue;
					}
					if (line.contains("reject")) {
						reply(out, "550 5.1.1 No such user here");
					}
					else if (line.contains("nouser")) {
						reply(out, "550 no such user");
					}
					else if (line.contains("later")) {
						reply(out, "451 4.7.1 Greylisted, try again later");
					}
					else {
						rcpt = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
						reply(out, "250 OK");
					}
				}
				case "DATA" -> {
					reply(out, "354 go ahead");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// discard
					}
					try {
						permits.acquire();
					}
					catch (InterruptedException ex) {
						return;
					}
					if (rcpt != null && rcpt.contains("spam")) {
						reply(out, "554 5.7.1 Message refused: looks like spam");
						continue;
					}
					accepted.add(rcpt);
					reply(out, "250 2.0.0 queued");
				}
				case "QUIT" -> {
					reply(out, "221 bye");
					return;
				}
				default -> reply(out, "502 unknown");
			}
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
