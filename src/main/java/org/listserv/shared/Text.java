package org.listserv.shared;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * A text a person reads, named by its message-bundle key and the values it is formatted with
 * ({@code {0}}, {@code {1}}, ...): resolved in the reader's language when it is shown
 * ({@link Texts#get(MessageSourceResolvable)}, Thymeleaf {@code #{...}}), not when it is made. Exceptions
 * that people see carry one.
 */
public record Text(String key, Object... args) implements MessageSourceResolvable {

	public Text {
		args = args == null ? new Object[0] : args.clone();
	}

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return args.clone();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

	/** For logs: the key and the values, e.g. {@code lists.error.slug-taken [aa]}. */
	@Override
	public String toString() {
		return args.length == 0 ? key : key + " " + Arrays.toString(args);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Text t && t.key.equals(key) && Arrays.equals(t.args, args);
	}

	@Override
	public int hashCode() {
		return 31 * key.hashCode() + Arrays.hashCode(args);
	}

}
