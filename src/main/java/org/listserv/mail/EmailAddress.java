package org.listserv.mail;

import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A single mailbox address, normalised: trimmed, domain lower-cased, local part kept as written. Parsed
 * with Jakarta Mail's strict RFC 822 parser, plus the limits of RFC 5321 (64-octet local part, 254 in all)
 * and a domain that can receive mail on the internet (a dotted name, or {@code localhost} for testing).
 */
public record EmailAddress(String value) {

	/**
	 * Parses and normalises an address typed by a person or found in a file.
	 * @throws InvalidEmailAddressException naming what is wrong
	 */
	public static EmailAddress parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidEmailAddressException("empty", "is empty");
		}
		String trimmed = raw.strip();
		if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidEmailAddressException("control", "contains a control character");
		}
		if (trimmed.length() > 254) {
			throw new InvalidEmailAddressException("too-long", "is longer than 254 characters");
		}
		InternetAddress parsed;
		try {
			parsed = new InternetAddress(trimmed, true);
			parsed.validate();
		}
		catch (AddressException ex) {
			throw new InvalidEmailAddressException("unparsable", "cannot be parsed (" + ex.getMessage() + ")", ex.getMessage());
		}
		if (parsed.getPersonal() != null || parsed.isGroup() || !trimmed.equals(parsed.getAddress())) {
			throw new InvalidEmailAddressException("not-bare", "must be a bare address like name@example.org");
		}
		int at = trimmed.lastIndexOf('@');
		if (at < 1) {
			throw new InvalidEmailAddressException("no-domain", "has no domain");
		}
		String local = trimmed.substring(0, at);
		String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
		if (local.length() > 64) {
			throw new InvalidEmailAddressException("local-too-long", "has a local part longer than 64 characters");
		}
		if (!domain.equals("localhost") && (!domain.contains(".") || domain.startsWith("[")
				|| domain.startsWith(".") || domain.endsWith(".") || domain.contains(".."))) {
			throw new InvalidEmailAddressException("bad-domain", "has no valid domain");
		}
		return new EmailAddress(local + "@" + domain);
	}

	/** Whether {@code raw} parses as an address. */
	public static boolean isValid(String raw) {
		try {
			parse(raw);
			return true;
		}
		catch (InvalidEmailAddressException ex) {
			return false;
		}
	}

	public String domain() {
		return value.substring(value.lastIndexOf('@') + 1);
	}

	@Override
	public String toString() {
		return value;
	}

	/**
	 * Thrown by {@link #parse} with a reason: in English in its message, which completes "The address ..."
	 * (for logs), and for people as {@link #reason()}, the bundle text {@code mail.address.<code>} in their
	 * language, which can be handed on as a value of another text ({@code new Text(key, ex.reason())}).
	 */
	public static class InvalidEmailAddressException extends IllegalArgumentException {

		private final transient org.listserv.shared.Text reason;

		public InvalidEmailAddressException(String reason) {
			super(reason);
			this.reason = null;
		}

		InvalidEmailAddressException(String code, String reason, Object... args) {
			super(reason);
			this.reason = new org.listserv.shared.Text("mail.address." + code, args);
		}

		/** What is wrong, for a person: a bundle text, or the English message for an exception made without one. */
		public org.springframework.context.MessageSourceResolvable reason() {
			if (reason != null) {
				return reason;
			}
			String message = getMessage();
			return new org.springframework.context.support.DefaultMessageSourceResolvable(null, null, message);
		}

	}

}
