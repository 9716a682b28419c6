package org.listserv.web;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt turned away by the login throttle before any password check: too many wrong passwords
 * lately. The API answers 429 with {@code Retry-After}; the login page says how long to wait.
 */
public class LoginThrottledException extends AuthenticationException {

	private final long retryAfterSeconds;

	public LoginThrottledException(Duration wait) {
		this(Math.max(1, (wait.toMillis() + 999) / 1000));
	}

	private LoginThrottledException(long seconds) {
		super("Too many attempts to log in; try again in " + seconds + " s");
		this.retryAfterSeconds = seconds;
	}

	/** Whole seconds to wait, at least 1. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
