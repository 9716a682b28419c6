package org.listserv.accounts;

import java.time.Instant;
import java.util.Optional;

import org.listserv.web.LoginSteps;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * The login steps of an account, read from the database at each page request (one indexed row), so that an
 * admin's requirement, a disabled account or a new password take effect at the next request. The factors
 * are Spring Security's {@link FactorGrantedAuthority}s: {@code FACTOR_PASSWORD} (added by the password
 * check, with the time it was given) and {@code FACTOR_TOTP} (added by the code step).
 */
@Service
class AccountLoginSteps implements LoginSteps {

	static final String TOTP_AUTHORITY = "FACTOR_TOTP";

	private final Accounts accounts;

	AccountLoginSteps(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Step next(Authentication authentication) {
		Optional<Accounts.LoginState> found = accounts.loginState(authentication.getName());
		if (found.isEmpty()) {
			// accounts are disabled, never deleted: only a test's made-up user has no row
			return Step.DONE;
		}
		Accounts.LoginState state = found.get();
		if (!state.enabled()) {
			return Step.ENDED;
		}
		Optional<Instant> passwordAt = factor(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY);
		if (passwordAt.isPresent() && state.passwordChangedAt() != null
				&& passwordAt.get().isBefore(state.passwordChangedAt().toInstant())) {
			return Step.ENDED;
		}
		if (state.totpEnabled()) {
			return factor(authentication, TOTP_AUTHORITY).isPresent() ? Step.DONE : Step.CODE;
		}
		return state.twoFactorRequired() ? Step.ENROL : Step.DONE;
	}

	private static Optional<Instant> factor(Authentication authentication, String authority) {
		for (GrantedAuthority a : authentication.getAuthorities()) {
			if (authority.equals(a.getAuthority())) {
				return Optional.of(a instanceof FactorGrantedAuthority f ? f.getIssuedAt() : Instant.MIN);
			}
		}
		return Optional.empty();
	}

}
