package org.listserv.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate of the pages after the password: a session that still owes its second factor (or its enrolment)
 * reaches only that step's page and the public paths; every other page sends it there, remembering the page
 * it asked for. A session that {@link LoginSteps} says has ended is logged out. This is the second step of
 * the login: only after it does the session see a staff page.
 */
class LoginStepFilter extends OncePerRequestFilter {

	private final LoginSteps steps;

	private final RequestMatcher publicPaths;

	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	{
		// the page asked for is remembered without Spring's "?continue" marker: the code step redirects to it itself
		requests.setMatchingRequestParameterName(null);
	}

	LoginStepFilter(LoginSteps steps, RequestMatcher publicPaths) {
		this.steps = steps;
		this.publicPaths = publicPaths;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		LoginSteps.Step step = steps.next(auth);
		switch (step) {
			case ENDED -> {
				new SecurityContextLogoutHandler().logout(request, response, auth);
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			case CODE, ENROL -> {
				String own = step == LoginSteps.Step.CODE ? LoginSteps.CODE_PATH : LoginSteps.ENROL_PATH;
				if (path.equals(own) || (publicPaths.matches(request) && !path.startsWith("/login/"))) {
					chain.doFilter(request, response);
				}
				else {
					if ("GET".equals(request.getMethod()) && !path.startsWith("/login")) {
						requests.saveRequest(request, response);
					}
					response.sendRedirect(request.getContextPath() + own);
				}
			}
			case DONE -> {
				if (path.equals(LoginSteps.CODE_PATH) || path.equals(LoginSteps.ENROL_PATH)) {
					response.sendRedirect(request.getContextPath() + "/admin");
				}
				else {
					chain.doFilter(request, response);
				}
			}
		}
	}

}
