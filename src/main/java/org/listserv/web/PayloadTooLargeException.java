package org.listserv.web;

/** The request body is larger than the configured limit: HTTP 413. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
