package org.listserv.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.stream.Field;

/**
 * The parts of a received message, or of a message attached to one, as a reader walks them: every part that
 * holds a body, in order, with its type, whether it is an attachment, how deep it sits and its decoded text.
 * A message attached as {@code message/rfc822} that the parser took apart is one part, whose own headers and
 * parts read the same way. Multiparts are walked, not listed; their nesting is bounded by the parser
 * ({@value MimeParser#MAX_DEPTH} levels). Walking checks the reader's {@link ReadingBudget} once per part.
 */
public final class MessageParts {

	private final Message message;

	MessageParts(Message message) {
		this.message = message;
	}

	/** Every header by lower-cased name, each value decoded on one line ({@link HeaderValues#decode}), in order. */
	public Map<String, List<String>> headers() {
		Map<String, List<String>> map = new HashMap<>();
		Header header = message.getHeader();
		if (header != null) {
			for (Field f : header.getFields()) {
				map.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
					.add(HeaderValues.decode(f.getBody()));
			}
		}
		return map;
	}

	/** The Message-ID (with angle brackets), or null. */
	public String messageId() {
		return message.getMessageId();
	}

	/** The parts that hold a body (a single body or an attached message), depth first, in order. */
	public List<Part> parts() {
		List<Part> parts = new ArrayList<>();
		collect(message, 0, parts);
		return parts;
	}

	private static void collect(Entity entity, int depth, List<Part> parts) {
		ReadingBudget.check();
		Body body = entity.getBody();
		if (body instanceof Multipart multipart) {
			for (Entity part : multipart.getBodyParts()) {
				collect(part, depth + 1, parts);
			}
		}
		else if (body instanceof Message || body instanceof SingleBody) {
			parts.add(new Part(entity, depth));
		}
	}

	/** One part that holds a body. */
	public static final class Part {

		private final Entity entity;

		private final int depth;

		private Part(Entity entity, int depth) {
			this.entity = entity;
			this.depth = depth;
		}

		/** The MIME type, lower-cased; {@code text/plain} when the part names none. */
		public String mimeType() {
			String type = entity.getMimeType();
			return type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
		}

		/** The MIME type as the parser reads it (not lower-cased). */
		String declaredType() {
			return entity.getMimeType();
		}

		/** The file name its Content-Disposition gives, or null. */
		public String fileName() {
			return entity.getFilename();
		}

		/** Whether its Content-Disposition is {@code attachment}. */
		public boolean attachment() {
			return "attachment".equalsIgnoreCase(entity.getDispositionType());
		}

		/** How many multiparts hold it: 0 for the single body of a message. */
		public int depth() {
			return depth;
		}

		/** The attached message this part is, or null. */
		public MessageParts message() {
			return entity.getBody() instanceof Message attached ? new MessageParts(attached) : null;
		}

		/** Whether the body is text to the parser (a {@code text/*} type or a declared charset). */
		boolean isText() {
			return entity.getBody() instanceof TextBody;
		}

		/**
		 * The decoded body: its first {@code maxBytes} bytes (transfer encoding undone) in the charset it
		 * names; with none, US-ASCII or an unknown one, in UTF-8 when the bytes are valid UTF-8 and in
		 * ISO-8859-1 (which reads any byte) otherwise. "" for an attached message or a body that cannot be read.
		 */
		public String text(int maxBytes) {
			byte[] bytes = bytes(maxBytes);
			return bytes == null ? "" : decode(bytes, entity.getCharset());
		}

		/** The whole body in the charset it names (US-ASCII when none, UTF-8 when unknown), or null. */
		String declaredText() {
			byte[] bytes = bytes(Integer.MAX_VALUE);
			return bytes == null ? null : new String(bytes, declared(entity.getCharset()));
		}

		private byte[] bytes(int maxBytes) {
			if (!(entity.getBody() instanceof SingleBody single)) {
				return null;
			}
			try (InputStream in = single.getInputStream()) {
				return in.readNBytes(maxBytes);
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}

	}

	/** The charset a part names, as InboundMessage's text has always read it: US-ASCII when none, UTF-8 when unknown. */
	static Charset declared(String name) {
		try {
			return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	/** Bytes in the charset named, or a guess (UTF-8 if valid, else ISO-8859-1) when none, US-ASCII or unknown. */
	static String decode(byte[] bytes, String charset) {
		if (charset != null) {
			try {
				Charset cs = Charset.forName(charset.strip().replace("\"", ""));
				if (!cs.equals(StandardCharsets.US_ASCII)) {
					return new String(bytes, cs);
				}
			}
			catch (RuntimeException ex) {
				// an unknown or illegal charset name: guess
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

}
