package org.listserv.shared;

/** The named thing does not exist: HTTP 404. */
public class NotFoundException extends TextException {

	public NotFoundException(String message) {
		super(message);
	}

	public NotFoundException(Text text) {
		super(text);
	}

}
