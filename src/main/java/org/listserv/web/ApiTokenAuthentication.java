package org.listserv.web;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by a personal API token: the account's address, the token's id and scopes
 * ({@code read}, {@code write}, {@code send}, {@code admin}). Its authorities are the account's role, and
 * ROLE_ADMIN only with the {@code admin} scope: a token never grants more than its account has.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final String email;

	private final long tokenId;

	private final Set<String> scopes;

	public ApiTokenAuthentication(String email, long tokenId, Set<String> scopes,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.email = email;
		this.tokenId = tokenId;
		this.scopes = Set.copyOf(scopes);
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return email;
	}

	@Override
	public String getName() {
		return email;
	}

	public long tokenId() {
		return tokenId;
	}

	public Set<String> scopes() {
		return scopes;
	}

}
