package org.listserv.web;

import java.util.Optional;

/** The language each account chose for its pages. Implemented by accounts, which owns it; web only asks. */
public interface AccountLanguages {

	/** The language tag an account chose, empty when it follows the browser's. */
	Optional<String> account(String email);

}
