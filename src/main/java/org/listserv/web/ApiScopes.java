package org.listserv.web;

import com.google.re2j.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The scope an API request needs when it comes with a token: {@code read} for GET and HEAD, {@code send} for
 * the endpoints that start or steer a send ({@code POST /api/campaigns/{id}/send|pause|resume|cancel}; a
 * controller that schedules calls {@link #require}), {@code write} for every other change. {@code admin} is
 * not a kind of request but the use of the account's ADMIN role (see {@link ApiTokenAuthentication}). A
 * request with a password (HTTP Basic) has every scope its account has.
 */
public final class ApiScopes {

	public static final String READ = "read";

	public static final String WRITE = "write";

	public static final String SEND = "send";

	public static final String ADMIN = "admin";

	private static final Pattern SENDING = Pattern.compile("/api/campaigns/[0-9]+/(send|pause|resume|cancel)/?");

	private ApiScopes() {
	}

	/** The scope of this request's kind. */
	static String needed(HttpServletRequest request) {
		String method = request.getMethod();
		if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
			return READ;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equals(method) && SENDING.matcher(path).matches() ? SEND : WRITE;
	}

	/** Whether {@code authentication} may make a request of this scope (anything but a token may). */
	static boolean allows(Authentication authentication, String scope) {
		return !(authentication instanceof ApiTokenAuthentication token) || token.scopes().contains(scope);
	}

	/**
	 * Refuses (403) the current request when it came with a token without {@code scope}: for a request whose
	 * scope depends on its body, such as a campaign update that schedules a send.
	 */
	public static void require(String scope) {
		if (!allows(SecurityContextHolder.getContext().getAuthentication(), scope)) {
			throw new AccessDeniedException("This token's scopes do not allow this request (it needs the scope "
					+ scope + ")");
		}
	}

}
