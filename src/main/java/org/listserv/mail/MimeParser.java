package org.listserv.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.internal.ParserStreamContentHandler;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MessageImpl;
import org.apache.james.mime4j.parser.ContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Parses received bytes into a Mime4J message, leniently (no limit on line or header length), with the
 * nesting of multiparts and attached messages bounded: Mime4J reads a part through one stream per level
 * above it, so ten thousand nested multiparts overflow the stack. Below {@value #MAX_DEPTH} levels the
 * parser stops taking parts apart; what lies deeper stays the undivided body of the part at that depth,
 * and {@link Parsed#depthCut()} says so.
 */
public final class MimeParser {

	/** Multiparts and attached messages nested deeper than this are not taken apart. */
	public static final int MAX_DEPTH = 40;

	private MimeParser() {
	}

	/** A parsed message, and whether parts nested too deep were left undivided. */
	public record Parsed(Message message, boolean depthCut) {
	}

	/**
	 * @param maxContentLength the largest body read, in bytes (-1: all)
	 * @throws IOException if the bytes cannot be read as MIME
	 */
	public static Parsed parse(byte[] raw, long maxContentLength) throws IOException {
		MimeConfig config = MimeConfig.custom()
			.setMaxLineLen(-1)
			.setMaxHeaderLen(-1)
			.setMaxHeaderCount(-1)
			.setMaxContentLen(maxContentLength)
			.build();
		MimeStreamParser parser = new MimeStreamParser(config, DecodeMonitor.SILENT,
				new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
		parser.setContentDecoding(true);
		MessageImpl message = new MessageImpl();
		// as Mime4J's DefaultMessageBuilder does, with lenient field parsing and bodies
		Bounded handler = new Bounded(new ParserStreamContentHandler(message, new BasicBodyFactory(true)), parser);
		parser.setContentHandler(handler);
		try (InputStream in = new ByteArrayInputStream(raw)) {
			parser.parse(in);
		}
		catch (MimeException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		return new Parsed(message, handler.cut);
	}

	/** Passes every event on, and turns the parser flat once the nesting reaches {@link #MAX_DEPTH}. */
	private static final class Bounded implements ContentHandler {

		private final ContentHandler delegate;

		private final MimeStreamParser parser;

		private int depth;

		private boolean cut;

		Bounded(ContentHandler delegate, MimeStreamParser parser) {
			this.delegate = delegate;
			this.parser = parser;
		}

		private void deeper() {
			if (++depth >= MAX_DEPTH && !cut) {
				cut = true;
				parser.setFlat();
			}
		}

		@Override
		public void startMessage() throws MimeException {
			deeper();
			delegate.startMessage();
		}

		@Override
		public void endMessage() throws MimeException {
			depth--;
			delegate.endMessage();
		}

		@Override
		public void startMultipart(BodyDescriptor bd) throws MimeException {
			deeper();
			delegate.startMultipart(bd);
		}

		@Override
		public void endMultipart() throws MimeException {
			depth--;
			delegate.endMultipart();
		}

		@Override
		public void startBodyPart() throws MimeException {
			delegate.startBodyPart();
		}

		@Override
		public void endBodyPart() throws MimeException {
			delegate.endBodyPart();
		}

		@Override
		public void startHeader() throws MimeException {
			delegate.startHeader();
		}

		@Override
		public void field(Field field) throws MimeException {
			delegate.field(field);
		}

		@Override
		public void endHeader() throws MimeException {
			delegate.endHeader();
		}

		@Override
		public void preamble(InputStream is) throws MimeException, IOException {
			delegate.preamble(is);
		}

		@Override
		public void epilogue(InputStream is) throws MimeException, IOException {
			delegate.epilogue(is);
		}

		@Override
		public void body(BodyDescriptor bd, InputStream is) throws MimeException, IOException {
			ReadingBudget.check();
			delegate.body(bd, is);
		}

		@Override
		public void raw(InputStream is) throws MimeException, IOException {
			delegate.raw(is);
		}

	}

}
