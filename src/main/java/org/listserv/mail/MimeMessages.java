package org.listserv.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/** Turns an {@link OutboundMessage} into a MIME message with Angus: text, or text and HTML alternatives. */
public final class MimeMessages {

	private static final SecureRandom random = new SecureRandom();

	private MimeMessages() {
	}

	/**
	 * @param messageIdDomain the right-hand side of the Message-ID (the list domain)
	 */
	public static MimeMessage build(Session session, OutboundMessage m, String messageIdDomain)
			throws MessagingException {
		String messageId = "<" + HexFormat.of().formatHex(randomBytes()) + "@" + messageIdDomain + ">";
		MimeMessage mime = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		mime.setFrom(address(m.from(), m.fromName()));
		mime.setRecipient(jakarta.mail.Message.RecipientType.TO, address(m.to(), null));
		if (m.replyTo() != null) {
			mime.setReplyTo(new InternetAddress[] { address(m.replyTo(), null) });
		}
		mime.setSubject(m.subject(), StandardCharsets.UTF_8.name());
		mime.setSentDate(new Date());
		if (m.html() == null) {
			mime.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
		}
		else {
			MimeBodyPart text = new MimeBodyPart();
			text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
			mime.setContent(new MimeMultipart("alternative", text, html));
		}
		for (Map.Entry<String, String> h : m.headers().entrySet()) {
			mime.setHeader(h.getKey(), MimeUtility.fold(h.getKey().length() + 2, h.getValue()));
		}
		mime.saveChanges();
		return mime;
	}

	/**
	 * The same message as {@link #build} makes, written straight to bytes (CRLF line ends) without Angus:
	 * the fast path for bulk mail.
	 * @param messageIdDomain the right-hand side of the Message-ID (the list domain)
	 */
	public static byte[] write(OutboundMessage m, String messageIdDomain) {
		return MimeWriter.write(m, "<" + HexFormat.of().formatHex(randomBytes()) + "@" + messageIdDomain + ">");
	}

	private static InternetAddress address(EmailAddress address, String name) throws MessagingException {
		try {
			return name == null || name.isBlank() ? new InternetAddress(address.value())
					: new InternetAddress(address.value(), name, StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new MessagingException("UTF-8 is not supported", ex);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return bytes;
	}

}
