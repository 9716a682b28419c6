package org.listserv.shared;

/** The request clashes with what is stored (a taken slug, a member who left): HTTP 409. */
public class ConflictException extends TextException {

	public ConflictException(String message) {
		super(message);
	}

	public ConflictException(Text text) {
		super(text);
	}

}
