package org.listserv.shared;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What the domain's exceptions have in common: a text for the person who caused them, in their language.
 * An exception made with a {@link Text} is resolved through the bundles; one made with a plain message (the
 * older way, English only) shows that message as it is.
 */
public abstract class TextException extends RuntimeException {

	private final MessageSourceResolvable text;

	protected TextException(String message) {
		super(message);
		// shown as it is: not a MessageFormat pattern (with always-use-message-format, "list's" lost its quote)
		this.text = new DefaultMessageSourceResolvable(null, null, message) {

			@Override
			public boolean shouldRenderDefaultMessage() {
				return false;
			}

		};
	}

	protected TextException(Text text) {
		super(text.toString());
		this.text = text;
	}

	/** What to show the person, resolved with {@link Texts#get(MessageSourceResolvable)}. */
	public MessageSourceResolvable text() {
		return text;
	}

}
