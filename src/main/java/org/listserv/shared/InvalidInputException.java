package org.listserv.shared;

/** A field of the request is missing or wrong: HTTP 400, naming the field. */
public class InvalidInputException extends TextException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public InvalidInputException(String field, Text text) {
		super(text);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
