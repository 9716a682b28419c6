package org.listserv.mail;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.stream.Field;

/**
 * A received message, parsed once with Mime4J, as the rest of the application sees it: sender,
 * subject, the readable text, headers, and whether a machine sent it. Parsing is lenient (real mail is
 * often malformed); only bytes that are not a message at all are refused. Every text it returns is
 * {@link #storable}: a NUL in received mail never reaches a text column.
 */
public final class InboundMessage {

	private final byte[] raw;

	private final Message message;

	private final boolean depthCut;

	private Optional<Mailbox> firstFrom;

	private InboundMessage(byte[] raw, Message message, boolean depthCut) {
		this.raw = raw;
		this.message = message;
		this.depthCut = depthCut;
	}

	/** @throws MalformedMessageException if the bytes cannot be read as a message */
	public static InboundMessage parse(byte[] raw) {
		if (raw == null || raw.length == 0) {
			throw new MalformedMessageException("The message is empty");
		}
		try {
			MimeParser.Parsed parsed = MimeParser.parse(raw, -1);
			Message message = parsed.message();
			if (message.getHeader() == null || message.getHeader().getFields().isEmpty()) {
				throw new MalformedMessageException("The message has no header");
			}
			return new InboundMessage(raw, message, parsed.depthCut());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof MalformedMessageException || ex instanceof ReadingBudget.TooCostlyException) {
				throw (RuntimeException) ex;
			}
			throw new MalformedMessageException("The message cannot be parsed: " + ex.getMessage());
		}
	}

	/**
	 * Whether parts are nested deeper than {@value MimeParser#MAX_DEPTH} levels: those were not taken
	 * apart, and their text and attachments are not among what this message offers.
	 */
	public boolean depthCut() {
		return depthCut;
	}

	public byte[] raw() {
		return raw;
	}

	/** The Message-ID as written (with angle brackets), or null. */
	public String messageId() {
		return storable(message.getMessageId());
	}

	/** The first From mailbox, normalised; empty if missing or invalid. */
	public Optional<EmailAddress> from() {
		return firstFrom().flatMap(m -> {
			try {
				return Optional.of(EmailAddress.parse(m.getAddress()));
			}
			catch (EmailAddress.InvalidEmailAddressException ex) {
				return Optional.empty();
			}
		});
	}

	/** The display name of the first From mailbox, decoded, or "". */
	public String fromName() {
		return firstFrom().map(Mailbox::getName).map(HeaderValues::oneLine).orElse("");
	}

	/** The first From mailbox, parsed once (the parser is costly on crafted input). */
	private Optional<Mailbox> firstFrom() {
		if (firstFrom == null) {
			List<Mailbox> from = HeaderValues.sender(rawHeader("From")).flatten();
			firstFrom = from.isEmpty() ? Optional.empty() : Optional.of(from.get(0));
		}
		return firstFrom;
	}

	/** The first value of a header as received (folded, encoded), or null. */
	private String rawHeader(String name) {
		Field field = message.getHeader().getField(name);
		return field == null ? null : field.getBody();
	}

	/** How many addresses the To and Cc headers name (groups count their members). */
	public int recipientCount() {
		return HeaderValues.addresses(rawHeader("To")).flatten().size()
				+ HeaderValues.addresses(rawHeader("Cc")).flatten().size();
	}

	/** The file names of the parts that are attachments (or have a file name), in order. */
	public List<String> attachmentNames() {
		List<String> names = new java.util.ArrayList<>();
		for (MessageParts.Part part : parts().parts()) {
			if (part.fileName() != null || part.attachment()) {
				names.add(storable(part.fileName() == null ? "(unnamed " + part.declaredType() + ")" : part.fileName()));
			}
		}
		return names;
	}

	/** The parts of the message, to read them one by one. */
	public MessageParts parts() {
		return new MessageParts(message);
	}

	/** The decoded subject, or "". */
	public String subject() {
		return HeaderValues.decode(rawHeader("Subject"));
	}

	/** Every value of a header, decoded (RFC 2047) on one line ({@link HeaderValues#decode}), in order. */
	public List<String> header(String name) {
		return message.getHeader().getFields(name).stream().map(Field::getBody).map(HeaderValues::decode).toList();
	}

	/** The first value of a header, decoded, or "". */
	public String firstHeader(String name) {
		List<String> values = header(name);
		return values.isEmpty() ? "" : values.get(0);
	}

	/** The readable text: the first text/plain part that is not an attachment, else the HTML part as text. */
	public String textBody() {
		String plain = findText("text/plain");
		if (plain != null) {
			return storable(plain);
		}
		String html = findText("text/html");
		if (html == null) {
			return "";
		}
		return storable(HtmlText.of(html));
	}

	/**
	 * Whether a machine sent this, so it must not be answered (RFC 3834 and common practice):
	 * Auto-Submitted other than "no", Precedence bulk/list/junk, auto-reply markers, a delivery report,
	 * mail from another list, or a sender like MAILER-DAEMON. The envelope's null sender is the caller's
	 * to check.
	 */
	public boolean isAutomated() {
		String autoSubmitted = firstHeader("Auto-Submitted").toLowerCase(Locale.ROOT);
		String precedence = firstHeader("Precedence").toLowerCase(Locale.ROOT);
		String sender = from().map(a -> a.value().substring(0, a.value().indexOf('@')).toLowerCase(Locale.ROOT))
			.orElse("");
		return (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
				|| List.of("bulk", "list", "junk").contains(precedence) || !header("X-Autoreply").isEmpty()
				|| !header("X-Autorespond").isEmpty() || !header("List-Id").isEmpty()
				|| "multipart/report".equalsIgnoreCase(message.getMimeType())
				|| List.of("mailer-daemon", "postmaster", "noreply", "no-reply").contains(sender);
	}

	/** The first part of the type that the parser read as text and that is not an attachment, or null. */
	private String findText(String mimeType) {
		for (MessageParts.Part part : parts().parts()) {
			if (part.isText() && part.mimeType().equals(mimeType) && !part.attachment()) {
				String text = part.declaredText();
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	/**
	 * Decoded text as it can be stored and shown: a NUL (which a sender can write as {@code =00} in a
	 * quoted-printable body, and which PostgreSQL refuses in text) becomes U+FFFD, the replacement
	 * character. The raw bytes keep it.
	 */
	public static String storable(String text) {
		return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
	}

	/** The bytes are not a message. */
	public static class MalformedMessageException extends IllegalArgumentException {

		public MalformedMessageException(String message) {
			super(message);
		}

	}

}
