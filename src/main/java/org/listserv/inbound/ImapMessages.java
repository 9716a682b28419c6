package org.listserv.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** What the IMAP poller reads from a message: its raw bytes and the envelope it stands in for. */
final class ImapMessages {

	/** Where a mail server records the envelope recipient, most reliable first. */
	private static final List<String> RECIPIENT_HEADERS = List.of("Delivered-To", "X-Original-To", "To", "Cc");

	private ImapMessages() {
	}

	/** The raw message, or empty if it is larger than {@code maxBytes}. */
	static Optional<byte[]> raw(Message message, int maxBytes) throws MessagingException, IOException {
		if (message.getSize() > maxBytes) {
			return Optional.empty();
		}
		Limited out = new Limited(maxBytes);
		try {
			message.writeTo(out);
		}
		catch (TooLarge ex) {
			return Optional.empty();
		}
		return Optional.of(out.toByteArray());
	}

	/** The header alone, for a message too large to take whole. */
	static byte[] header(Message message) throws MessagingException {
		StringBuilder header = new StringBuilder();
		for (String line : Collections.list(message.getAllHeaders()).stream()
			.map(h -> h.getName() + ": " + h.getValue())
			.toList()) {
			header.append(line).append("\r\n");
		}
		return header.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The first address of a live list among the recipient headers, in their order of reliability. */
	static Optional<String> recipient(Message message, RecipientCheck recipients) throws MessagingException {
		for (String name : RECIPIENT_HEADERS) {
			String[] values = message.getHeader(name);
			for (String value : values == null ? new String[0] : values) {
				for (String address : addresses(value)) {
					if (recipients.isListAddress(address)) {
						return Optional.of(address);
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The envelope sender from Return-Path: "" for {@code <>} or when there is none. */
	static String returnPath(Message message) throws MessagingException {
		String[] values = message.getHeader("Return-Path");
		if (values == null || values.length == 0) {
			return "";
		}
		String value = values[0].strip();
		int open = value.indexOf('<');
		int close = value.lastIndexOf('>');
		return (open >= 0 && close > open ? value.substring(open + 1, close) : value).strip();
	}

	private static List<String> addresses(String header) {
		try {
			return List.of(InternetAddress.parseHeader(header, false))
				.stream()
				.map(InternetAddress::getAddress)
				.filter(a -> a != null && !a.isBlank())
				.toList();
		}
		catch (AddressException ex) {
			return List.of();
		}
	}

	/** Collects bytes up to a limit, then refuses more. */
	private static final class Limited extends ByteArrayOutputStream {

		private final int max;

		Limited(int max) {
			super(Math.min(max, 64 * 1024));
			this.max = max;
		}

		@Override
		public synchronized void write(int b) {
			ensure(1);
			super.write(b);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			ensure(len);
			super.write(b, off, len);
		}

		private void ensure(int more) {
			if (count + more > max) {
				throw new TooLarge();
			}
		}

	}

	private static final class TooLarge extends RuntimeException {

		TooLarge() {
			super("over the size limit", null, false, false);
		}

	}

}
