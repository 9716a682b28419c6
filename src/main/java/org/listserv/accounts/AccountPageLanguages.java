package org.listserv.accounts;

import java.util.Optional;

import org.listserv.web.AccountLanguages;

import org.springframework.stereotype.Service;

/** The language each account chose on its account page (empty: the browser's). */
@Service
class AccountPageLanguages implements AccountLanguages {

	private final Accounts accounts;

	AccountPageLanguages(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<String> account(String email) {
		return accounts.language(email);
	}

}
