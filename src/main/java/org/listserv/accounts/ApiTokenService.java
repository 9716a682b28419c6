package org.listserv.accounts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Sha256;
import org.listserv.shared.Text;
import org.listserv.web.ApiCredentials;
import org.listserv.web.ApiTokenAuthentication;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code lsv_} and 43 characters of base64url (256 random bits), shown once when made
 * and stored as a SHA-256 only; named, scoped, revocable, looked up at every request (a revoked token is
 * refused at once). A token acts with its account's role at the most, and with ROLE_ADMIN only if it has the
 * scope {@code admin}.
 */
@Service
class ApiTokenService implements ApiCredentials {

	static final String PREFIX = "lsv_";

	private static final int MAX_NAME = 100;

	private final ApiTokens tokens;

	private final Accounts accounts;

	private final ApiAccessProperties properties;

	private final SecureRandom random = new SecureRandom();

	ApiTokenService(ApiTokens tokens, Accounts accounts, ApiAccessProperties properties) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.properties = properties;
	}

	/** A token made: its id and the token itself, which is never shown again. */
	record Made(long id, String token) {
	}

	/**
	 * Makes a token for the account {@code email}. {@code allowed} limits its scopes (a token making a token
	 * gives only scopes it has; null: no limit beyond the account's role).
	 */
	@Transactional
	Made create(String email, String name, List<String> scopes, Set<String> allowed) {
		Account account = accounts.findByEmail(email).orElseThrow(() -> new NotFoundException(new Text("accounts.error.no-account")));
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > MAX_NAME) {
			throw new InvalidInputException("name", new Text("accounts.tokens.error-name", String.valueOf(MAX_NAME)));
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (String s : scopes == null ? List.<String>of() : scopes) {
			String scope = s == null ? "" : s.strip();
			try {
				TokenScope.of(scope);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("scopes", new Text("accounts.tokens.error-scope", scope));
			}
			if ((scope.equals("admin") && account.role() != Role.ADMIN) || (allowed != null && !allowed.contains(scope))) {
				throw new InvalidInputException("scopes", new Text("accounts.tokens.error-scope-beyond", scope));
			}
			chosen.add(scope);
		}
		if (chosen.isEmpty()) {
			throw new InvalidInputException("scopes", new Text("accounts.tokens.error-no-scope"));
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = tokens.insert(account.id(), n, new ArrayList<>(chosen), Sha256.hex(token));
		return new Made(id, token);
	}

	List<ApiTokens.Token> list(String email) {
		return accounts.findByEmail(email).map(a -> tokens.live(a.id())).orElse(List.of());
	}

	/** Revokes one of the account's own tokens. */
	@Transactional
	void revoke(String email, long id) {
		Account account = accounts.findByEmail(email).orElseThrow();
		if (!tokens.revoke(account.id(), id)) {
			throw new NotFoundException(new Text("accounts.tokens.error-not-found", String.valueOf(id)));
		}
	}

	@Override
	@Transactional
	public Optional<ApiTokenAuthentication> bearer(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return tokens.find(Sha256.hex(token)).map(holder -> {
			tokens.used(holder.tokenId());
			Role role = holder.role() == Role.ADMIN && holder.scopes().contains("admin") ? Role.ADMIN : Role.STAFF;
			return new ApiTokenAuthentication(holder.email(), holder.tokenId(), Set.copyOf(holder.scopes()),
					List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
		});
	}

	@Override
	public boolean basicAuth() {
		return properties.apiBasicAuth();
	}

}
