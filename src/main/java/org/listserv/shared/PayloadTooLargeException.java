package org.listserv.shared;

/** The request body is larger than the configured limit: HTTP 413. */
public class PayloadTooLargeException extends TextException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

	public PayloadTooLargeException(Text text) {
		super(text);
	}

}
