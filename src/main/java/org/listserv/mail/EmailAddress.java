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
			throw new InvalidEmailAddressException("is empty");
		}
		String trimmed = raw.strip();
		if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidEmailAddressException("contains a control character");
		}
		if (trimmed.length() > 254) {
			throw new InvalidEmailAddressException("is longer than 254 characters");
		}
		InternetAddress parsed;
		try {
			parsed = new InternetAddress(trimmed, true);
			parsed.validate();
		}
		catch (AddressException ex) {
			throw new InvalidEmailAddressException("cannot be parsed (" + ex.getMessage() + ")");
		}
		if (parsed.getPersonal() != null || parsed.isGroup() || !trimmed.equals(parsed.getAddress())) {
			throw new InvalidEmailAddressException("must be a bare address like name@example.org");
		}
		int at = trimmed.lastIndexOf('@');
		if (at < 1) {
			throw new InvalidEmailAddressException("has no domain");
		}
		String local = trimmed.substring(0, at);
		String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
		if (local.length() > 64) {
			throw new InvalidEmailAddressException("has a local part longer than 64 characters");
		}
		if (!domain.equals("localhost") && (!domain.contains(".") || domain.startsWith("[")
				|| domain.startsWith(".") || domain.endsWith(".") || domain.contains(".."))) {
			throw new InvalidEmailAddressException("has no valid domain");
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

	/** Thrown by {@link #parse} with a reason that completes "The address ...". */
	public static class InvalidEmailAddressException extends IllegalArgumentException {

		public InvalidEmailAddressException(String reason) {
			super(reason);
		}

	}

}
