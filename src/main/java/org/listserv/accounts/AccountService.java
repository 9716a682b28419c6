package org.listserv.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.mail.EmailAddress;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.Text;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of admins and staff: login lookup, creation, and the first admin at first start.
 */
@Service
public class AccountService implements UserDetailsService, ApplicationRunner {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final AccountsProperties properties;

	private final Languages languages;

	AccountService(Accounts accounts, PasswordEncoder encoder, AccountsProperties properties, Languages languages) {
		this.accounts = accounts;
		this.languages = languages;
		this.encoder = encoder;
		this.properties = properties;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = accounts.findByEmail(username.strip())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return User.withUsername(account.email())
			.password(account.passwordHash())
			.roles(account.role().name())
			.disabled(!account.enabled())
			.build();
	}

	List<Account> all() {
		return accounts.all();
	}

	/** Creates an account; the email must be new and the password at least 12 characters. */
	@Transactional
	public void create(String email, String name, String password, Role role) {
		String address;
		try {
			address = EmailAddress.parse(email).value();
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			throw new InvalidInputException("email", new Text("accounts.error.email-invalid", email == null ? "" : email.strip()));
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidInputException("password",
					new Text("accounts.error.password-short", String.valueOf(MIN_PASSWORD_LENGTH)));
		}
		if (role == null) {
			throw new InvalidInputException("role", new Text("accounts.error.role"));
		}
		if (accounts.findByEmail(address).isPresent()) {
			throw new ConflictException(new Text("accounts.error.exists", address));
		}
		accounts.insert(address, name == null ? "" : name.strip(), encoder.encode(password), role);
	}

	@Transactional
	void setEnabled(long id, boolean enabled, String byWhom) {
		Account self = accounts.findByEmail(byWhom).orElseThrow();
		if (self.id() == id && !enabled) {
			throw new ConflictException(new Text("accounts.error.disable-self"));
		}
		accounts.setEnabled(id, enabled);
	}

	/** At the first start, creates the first admin from the environment or with a generated password. */
	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		String password = properties.password();
		boolean generated = password.isBlank();
		if (generated) {
			byte[] bytes = new byte[15];
			new SecureRandom().nextBytes(bytes);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		create(properties.email(), "Administrator", password, Role.ADMIN);
		if (generated) {
			log.warn("""

					*** First start: created the admin account {} with the password {}
					*** It is shown only this once. Log in and keep it safe, or set LISTSERV_ADMIN_PASSWORD \
					before the first start.""", properties.email(), password);
		}
		else {
			log.info("First start: created the admin account {}", properties.email());
		}
	}

	/** The addresses of enabled ADMIN accounts: who is told when received mail could not be processed. */
	public List<String> adminEmails() {
		return accounts.all().stream().filter(a -> a.enabled() && a.role() == Role.ADMIN).map(Account::email).toList();
	}

	/** The name of the account with this address, or empty (no such account, or no name given). */
	public String nameOf(String email) {
		return email == null ? "" : accounts.findByEmail(email).map(Account::name).orElse("");
	}

	/** Whether an enabled account (ADMIN or STAFF) has this address, in any case. */
	public boolean isStaff(String email) {
		return email != null && accounts.findByEmail(email).map(Account::enabled).orElse(false);
	}

	/** The language the account chose (a stored tag such as {@code es}); empty: the browser's. */
	public java.util.Optional<String> language(String email) {
		return accounts.language(email);
	}

	/**
	 * Sets the account's language; blank follows the browser's again.
	 * @throws InvalidInputException on {@code language} for a language not offered
	 */
	@Transactional
	public void setLanguage(String email, String language) {
		accounts.setLanguage(email, languages.parse("language", language).orElse(null));
	}

	boolean isAdmin(String email) {
		return accounts.findByEmail(email).map(a -> a.role() == Role.ADMIN).orElse(false);
	}

	/** The ids of the accounts that log in with two factors. */
	java.util.Set<Long> withTwoFactor() {
		return accounts.withTwoFactor();
	}

}
