package org.listserv.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: a live token authenticates the request, anything else that
 * says Bearer is answered 401 at once (a revoked token too: tokens are looked up at every request, nothing is
 * cached). Requests without a Bearer header go on to HTTP Basic, when it is on.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiCredentials credentials;

	private final Unauthorized unauthorized;

	/** Writes the 401 answer. */
	interface Unauthorized {

		void write(HttpServletResponse response, String detail) throws IOException;

	}

	BearerTokenFilter(ApiCredentials credentials, Unauthorized unauthorized) {
		this.credentials = credentials;
		this.unauthorized = unauthorized;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokenAuthentication> token = credentials.bearer(header.substring(7).strip());
		if (token.isEmpty()) {
			unauthorized.write(response, "This API token is not valid (unknown or revoked)");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(token.get());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
