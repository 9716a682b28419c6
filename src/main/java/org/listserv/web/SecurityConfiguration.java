package org.listserv.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Who may see what. The JSON API uses HTTP Basic with no session and no CSRF token (scripts call it);
 * pages use a form login with CSRF protection. Everything needs a login except the login page, static
 * files, error pages, {@code /actuator/health}, and the public pages that later capabilities declare under
 * {@link #PUBLIC_PATHS}. Admin-only actions are marked with {@code @PreAuthorize("hasRole('ADMIN')")}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PATHS = { "/login", "/css/**", "/js/**", "/favicon.ico", "/error", "/lists", "/subscribe/**",
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
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.httpBasic(b -> b.realmName("listserv").authenticationEntryPoint(SecurityConfiguration::basicLoginFailed))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized",
						"Log in with HTTP Basic (an admin or staff account)"))
				.accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden",
						"This action needs the ADMIN role")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuator(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(b -> b.realmName("listserv").authenticationEntryPoint(SecurityConfiguration::basicLoginFailed))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
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
	private static void basicLoginFailed(HttpServletRequest req, HttpServletResponse res, AuthenticationException ex)
			throws IOException {
		if (DatabaseOutage.isCause(ex)) {
			DatabaseOutage.writeProblem(res);
			return;
		}
		if (ex instanceof LoginThrottledException throttled) {
			res.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
			problem(res, 429, "Too many requests", throttled.getMessage());
			return;
		}
		problem(res, 401, "Unauthorized", "Log in with HTTP Basic (an admin or staff account)");
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

	private static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
		res.setStatus(status);
		if (status == 401) {
			res.setHeader("WWW-Authenticate", "Basic realm=\"listserv\"");
		}
		res.setContentType("application/problem+json");
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		res.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
