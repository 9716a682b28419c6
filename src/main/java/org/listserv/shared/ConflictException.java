package org.listserv.shared;

/** The request clashes with what is stored (a taken slug, a member who left): HTTP 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
