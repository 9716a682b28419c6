package org.listserv.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see what. The JSON API takes personal API tokens ({@code Authorization: Bearer}, limited by their
 * scopes, {@link ApiScopes}) and, unless {@code listserv.accounts.api-basic-auth=false}, HTTP Basic with a
 * password, with no session and no CSRF token (scripts call it); pages use a form login with CSRF protection,
 * then the second step of {@link LoginSteps} for accounts with two-factor login. Everything needs a login except the login page, static
 * files, error pages, {@code /actuator/health}, and the public pages that later capabilities declare under
 * {@link #PUBLIC_PATHS}. Admin-only actions are marked with {@code @PreAuthorize("hasRole('ADMIN')")}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PATHS = { "/login", "/login/forgot", "/login/reset/**", "/css/**", "/js/**", "/favicon.ico", "/error", "/lists", "/subscribe/**",
			"/confirm/**", "/unsubscribe/**", "/preferences", "/preferences/**", "/archive/**", "/preview-link/**",
			"/media/**" };

	/**
	 * Public forms posted without a session CSRF token: the subscribe form is embedded on other sites
	 * (double opt-in, honeypot and rate limits contain abuse), one-click unsubscribe comes from mail
	 * providers with no cookie (RFC 8058), the other paths carry an unguessable token in the URL, and the
	 * links of previews and test messages change nothing (a provider's one-click POST gets the same page).
	 */
	static final String[] NO_CSRF_PATHS = { "/subscribe/**", "/confirm/**", "/unsubscribe/**", "/preferences",
			"/preferences/**", "/preview-link/**" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiCredentials credentials, LoginSteps steps) throws Exception {
		boolean basic = credentials.basicAuth();
		String login = basic ? "Log in with an API token (Authorization: Bearer) or HTTP Basic"
				: "Log in with an API token (Authorization: Bearer)";
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.anyRequest()
				.access((auth, context) -> new AuthorizationDecision(isLoggedIn(auth.get())
						&& ApiScopes.allows(auth.get(), ApiScopes.needed(context.getRequest())))))
			.addFilterBefore(new BearerTokenFilter(credentials, (res, detail) -> problem(res, 401, "Unauthorized", detail, basic)),
					BasicAuthenticationFilter.class)
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized", login, basic))
				.accessDeniedHandler((req, res, ex) -> apiAccessDenied(req, res, ex, basic)));
		if (basic) {
			http.httpBasic(b -> b.realmName("listserv")
				.authenticationEntryPoint((req, res, ex) -> basicLoginFailed(req, res, ex, login)))
				// a password alone does not open the API of an account that logs in with two factors
				.addFilterAfter(new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
							throws ServletException, IOException {
						Authentication auth = SecurityContextHolder.getContext().getAuthentication();
						if (auth instanceof UsernamePasswordAuthenticationToken && steps.next(auth) != LoginSteps.Step.DONE) {
							problem(res, 401, "Unauthorized",
									"This account logs in with two factors: use an API token (Authorization: Bearer)", true);
							return;
						}
						chain.doFilter(req, res);
					}
				}, BasicAuthenticationFilter.class);
		}
		return http.build();
	}

	private static boolean isLoggedIn(Authentication auth) {
		return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
	}

	private static void apiAccessDenied(HttpServletRequest req, HttpServletResponse res, Exception ex, boolean basic)
			throws IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (ex.getMessage() != null && ex.getMessage().startsWith("This token's scopes")) {
			problem(res, 403, "Forbidden", ex.getMessage(), basic);
			return;
		}
		String scope = ApiScopes.needed(req);
		if (!ApiScopes.allows(auth, scope)) {
			problem(res, 403, "Forbidden", "This token's scopes do not allow this request (it needs the scope "
					+ scope + ")", basic);
			return;
		}
		problem(res, 403, "Forbidden", auth instanceof ApiTokenAuthentication
				? "This action needs the ADMIN role (an admin's token with the scope admin)"
				: "This action needs the ADMIN role", basic);
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuator(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(b -> b.realmName("listserv").authenticationEntryPoint(
					(req, res, ex) -> basicLoginFailed(req, res, ex, "Log in with HTTP Basic (an admin account)")))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, LoginSteps steps) throws Exception {
		RequestMatcher publicPaths = new OrRequestMatcher(java.util.Arrays.stream(PUBLIC_PATHS)
			.map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
		http.addFilterBefore(new LoginStepFilter(steps, publicPaths), AuthorizationFilter.class);
		http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PATHS).permitAll().anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login")
				.defaultSuccessUrl("/admin", false)
				.failureHandler(SecurityConfiguration::formLoginFailed)
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(c -> c.ignoringRequestMatchers(NO_CSRF_PATHS))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * A failed HTTP Basic login: 503 when the account could not be looked up for want of a database, 429 with
	 * Retry-After when the login throttle turned it away, else 401.
	 */
	private static void basicLoginFailed(HttpServletRequest req, HttpServletResponse res, AuthenticationException ex,
			String login) throws IOException {
		if (DatabaseOutage.isCause(ex)) {
			DatabaseOutage.writeProblem(res);
			return;
		}
		if (ex instanceof LoginThrottledException throttled) {
			res.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
			problem(res, 429, "Too many requests", throttled.getMessage(), true);
			return;
		}
		problem(res, 401, "Unauthorized", login, true);
	}

	/** A failed form login: the 503 page without a database, else back to the form (which tells why). */
	private static void formLoginFailed(HttpServletRequest req, HttpServletResponse res, AuthenticationException ex)
			throws IOException, jakarta.servlet.ServletException {
		if (DatabaseOutage.isCause(ex)) {
			DatabaseOutage.sendErrorPage(req, res);
			return;
		}
		FORM_LOGIN_FAILED.onAuthenticationFailure(req, res, ex);
	}

	private static final SimpleUrlAuthenticationFailureHandler FORM_LOGIN_FAILED = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	private static void problem(HttpServletResponse res, int status, String title, String detail, boolean basic)
			throws IOException {
		res.setStatus(status);
		if (status == 401) {
			// Basic first while it is on: what clients saw before tokens
			if (basic) {
				res.addHeader("WWW-Authenticate", "Basic realm=\"listserv\"");
			}
			res.addHeader("WWW-Authenticate", "Bearer realm=\"listserv\"");
		}
		res.setContentType("application/problem+json");
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		res.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
