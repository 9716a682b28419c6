package org.listserv.inbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw SMTP client for tests: sends lines and returns each reply exactly as the server wrote it. */
final class SmtpConversation implements AutoCloseable {

	private final Socket socket;

	private final BufferedReader in;

	private final OutputStream out;

	private final String greeting;

	SmtpConversation(int port) throws IOException {
		socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(20_000);
		in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		out = socket.getOutputStream();
		greeting = reply();
	}

	String greeting() {
		return greeting;
	}

	/** Sends one command line and returns the reply (the last line of a multi-line one). */
	String send(String line) throws IOException {
		write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		return reply();
	}

	/** Sends a message after DATA was accepted: dot-stuffing is the caller's, the final dot is added. */
	String sendData(byte[] message) throws IOException {
		write(message);
		boolean endsWithNewline = message.length >= 2 && message[message.length - 2] == '\r'
				&& message[message.length - 1] == '\n';
		write((endsWithNewline ? ".\r\n" : "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
		return reply();
	}

	void write(byte[] bytes) throws IOException {
		out.write(bytes);
		out.flush();
	}

	/** The reply; null if the server closed the connection. */
	String reply() throws IOException {
		String line = in.readLine();
		while (line != null && line.length() > 3 && line.charAt(3) == '-') {
			line = in.readLine();
		}
		return line;
	}

	/** Sends a whole transaction and returns the reply to the final dot. */
	String deliver(String from, String to, String message) throws IOException {
		send("EHLO client.example.org");
		send("MAIL FROM:<" + from + ">");
		String rcpt = send("RCPT TO:<" + to + ">");
		if (!rcpt.startsWith("250")) {
			return rcpt;
		}
		send("DATA");
		return sendData(message.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
