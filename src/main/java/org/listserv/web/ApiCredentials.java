package org.listserv.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * How API callers prove who they are (implemented by accounts): personal API tokens sent as
 * {@code Authorization: Bearer}, and whether HTTP Basic with a password is on
 * ({@code listserv.accounts.api-basic-auth}).
 */
public interface ApiCredentials {

	/** The authentication of a live token of an enabled account, or empty (unknown, revoked, disabled). */
	Optional<ApiTokenAuthentication> bearer(String token);

	/** Whether HTTP Basic with a password is accepted on {@code /api/**}. */
	boolean basicAuth();

}
