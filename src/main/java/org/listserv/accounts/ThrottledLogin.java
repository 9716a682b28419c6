package org.listserv.accounts;

import java.util.Optional;

import org.listserv.web.LoginThrottledException;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way in for form login and HTTP Basic: asks the {@link LoginThrottle} first and, if it says wait,
 * turns the attempt away with {@link LoginThrottledException} without looking at the password; otherwise
 * checks the password as Spring Security does (accounts, bcrypt) and tells the throttle how it went. The
 * client address is the request's ({@code X-Forwarded-For} only through a trusted proxy).
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledLogin(AccountService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String address = address(attempt.getDetails());
		Optional<java.time.Duration> wait = throttle.check(username, address);
		if (wait.isPresent()) {
			throw new LoginThrottledException(wait.get());
		}
		try {
			Authentication done = passwords.authenticate(attempt);
			throttle.succeeded(username, address);
			return done;
		}
		catch (BadCredentialsException ex) {
			throttle.failed(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String address(Object details) {
		if (details instanceof WebAuthenticationDetails web) {
			return web.getRemoteAddress();
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return "";
	}

}
