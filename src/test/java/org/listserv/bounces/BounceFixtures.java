package org.listserv.bounces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Bounce messages written for the tests, and a minimal SMTP client that hands raw bytes to the listener. */
final class BounceFixtures {

	private BounceFixtures() {
	}

	/** An RFC 3464 delivery status notification for {@code recipient}, sent to {@code to}. */
	static String dsn(String to, String recipient, String status, String diagnostic) {
		return """
				From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
				To: %1$s
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <dsn-%5$s@mx.example.net>
				Auto-Submitted: auto-replied
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b0undary"

				--b0undary
				Content-Type: text/plain; charset=us-ascii

				This is the mail system at host mx.example.net.
				I'm sorry to have to inform you that your message could not be delivered.

				<%2$s>: host mx.example.net said: %4$s

				--b0undary
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.net

				Final-Recipient: rfc822; %2$s
				Original-Recipient: rfc822;%2$s
				Action: failed
				Status: %3$s
				Diagnostic-Code: smtp; %4$s

				--b0undary
				Content-Type: text/rfc822-headers

				From: News <news@lists.example.org>
				To: %2$s
				Subject: Hello members

				--b0undary--
				""".formatted(to, recipient, status, diagnostic, Long.toHexString(System.nanoTime()))
			.replace("\n", "\r\n");
	}

	/** An RFC 5965 abuse report (a feedback loop's complaint) about a message to {@code recipient}. */
	static String complaint(String to, String recipient, String verpAddress) {
		return """
				From: Feedback Loop <fbl@isp.example.net>
				To: %1$s
				Subject: Complaint about message
				Message-ID: <fbl-%4$s@isp.example.net>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=feedback-report; boundary="fbl"

				--fbl
				Content-Type: text/plain; charset=us-ascii

				A recipient marked a message as spam.

				--fbl
				Content-Type: message/feedback-report

				Feedback-Type: abuse
				User-Agent: TestFBL/0.1
				Version: 1
				Original-Mail-From: <%3$s>
				Original-Rcpt-To: <%2$s>

				--fbl
				Content-Type: message/rfc822

				From: News <news@lists.example.org>
				To: %2$s
				Subject: Hello members
				Message-ID: <m-%4$s@lists.example.org>

				Hello.
				--fbl--
				""".formatted(to, recipient, verpAddress, Long.toHexString(System.nanoTime())).replace("\n", "\r\n");
	}

	/** A vacation auto-reply (RFC 3834) to a list message. */
	static String vacation(String to, String from) {
		return ("From: " + from + "\nTo: " + to + "\nSubject: Out of office: Hello members\n"
				+ "Auto-Submitted: auto-replied\nMessage-ID: <v-" + System.nanoTime() + "@example.net>\n\n"
				+ "I am away until Monday and will read your message when I return.\n").replace("\n", "\r\n");
	}

	/** A message at a bounce address that is nobody's bounce. */
	static String notABounce(String to) {
		return ("From: Someone <someone@example.net>\nTo: " + to + "\nSubject: Are you there?\n"
				+ "Message-ID: <q-" + System.nanoTime() + "@example.net>\n\nJust asking whether this address is read.\n")
			.replace("\n", "\r\n");
	}

	/** Hands a message to the SMTP listener with the null sender; @return the reply to the end of DATA. */
	static String deliver(int port, String rcpt, String message) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			reply(in);
			command(in, out, "EHLO mx.example.net");
			command(in, out, "MAIL FROM:<>");
			String r = command(in, out, "RCPT TO:<" + rcpt + ">");
			if (!r.startsWith("250")) {
				return r;
			}
			command(in, out, "DATA");
			String body = message.replace("\r\n.", "\r\n..");
			out.write((body.endsWith("\r\n") ? body : body + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String done = reply(in);
			command(in, out, "QUIT");
			return done;
		}
	}

	private static String command(BufferedReader in, OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return reply(in);
	}

	private static String reply(BufferedReader in) throws IOException {
		String line;
		StringBuilder all = new StringBuilder();
		do {
			line = in.readLine();
			if (line == null) {
				throw new IOException("connection closed");
			}
			all.append(line).append('\n');
		}
		while (line.length() > 3 && line.charAt(3) == '-');
		return all.toString().strip();
	}

}
