package org.listserv.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} wrong passwords for one account from one client
 * address within {@link #WINDOW}, that account is locked for that address until the window has passed.
 * Keyed by account and address, so a stranger cannot lock an admin out everywhere. In memory: a restart
 * forgets, which is fine for a throttle.
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private record Failures(int count, Instant first) {
	}

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String key = key(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
		Instant now = clock.instant();
		failures.merge(key, new Failures(1, now), (old, one) -> expired(old, now) ? one
				: new Failures(old.count() + 1, old.first()));
		if (failures.size() > 100_000) {
			failures.entrySet().removeIf(e -> expired(e.getValue(), now));
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		failures.remove(key(event.getAuthentication().getName(), address(event.getAuthentication().getDetails())));
	}

	/** Whether the account may not log in from the current request's address for now. */
	boolean blocked(String username) {
		Failures f = failures.get(key(username, currentAddress()));
		return f != null && f.count() >= MAX_FAILURES && !expired(f, clock.instant());
	}

	private static boolean expired(Failures f, Instant now) {
		return f.first().plus(WINDOW).isBefore(now);
	}

	private static String key(String username, String address) {
		return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
	}

	private static String address(Object details) {
		return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : currentAddress();
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "";
	}

}
