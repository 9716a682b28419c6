package org.listserv.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.field.Fields;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.DefaultMessageWriter;

/**
 * Changes the text of a message's readable parts (text/plain and text/html that are not attachments) and
 * writes the message again, only when the change changes something: otherwise the bytes are left exactly
 * as they are. A changed part is written anew in UTF-8, quoted-printable; the rest keeps its encoding.
 */
public final class TextParts {

	private static final BasicBodyFactory BODIES = new BasicBodyFactory(true);

	private TextParts() {
	}

	/**
	 * @param raw the message
	 * @param change what to do to each readable text
	 * @return the message written again, or null when no text changed (or the bytes are not a message)
	 */
	public static byte[] rewrite(byte[] raw, UnaryOperator<String> change) {
		Message message;
		try {
			message = MimeParser.parse(raw, -1).message();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		if (!rewrite(message, change)) {
			return null;
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 1024);
			new DefaultMessageWriter().writeMessage(message, out);
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static boolean rewrite(Entity entity, UnaryOperator<String> change) {
		Body body = entity.getBody();
		if (body instanceof Multipart multipart) {
			boolean changed = false;
			for (Entity part : multipart.getBodyParts()) {
				changed |= rewrite(part, change);
			}
			return changed;
		}
		String type = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
		if (!(body instanceof TextBody text) || !(type.equals("text/plain") || type.equals("text/html"))
				|| "attachment".equalsIgnoreCase(entity.getDispositionType())) {
			return false;
		}
		String before = read(text, entity.getCharset());
		String after = before == null ? null : change.apply(before);
		if (after == null || after.equals(before)) {
			return false;
		}
		entity.removeBody().dispose();
		entity.getHeader().setField(Fields.contentType(type + "; charset=utf-8"));
		entity.getHeader().setField(Fields.contentTransferEncoding("quoted-printable"));
		entity.setBody(BODIES.textBody(after, StandardCharsets.UTF_8));
		return true;
	}

	private static String read(TextBody body, String charset) {
		try (InputStream in = body.getInputStream()) {
			return new String(in.readAllBytes(), MessageParts.declared(charset));
		}
		catch (IOException ex) {
			return null;
		}
	}

}
