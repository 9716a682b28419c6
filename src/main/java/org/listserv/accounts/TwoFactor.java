package org.listserv.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;
import org.listserv.web.SealedSecrets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor login of an account: enrolment (a new 160-bit secret, sealed in the database, in use once a
 * first code confirms it), codes (each accepted once: a code of a step already used is refused), ten
 * recovery codes (shown once, hashed with the password encoder, each usable once), and turning it off.
 */
@Service
class TwoFactor {

	static final String KEY = "totp-key";

	static final int RECOVERY_CODES = 10;

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private final Accounts accounts;

	private final RecoveryCodes codes;

	private final SealedSecrets sealed;

	private final PasswordEncoder encoder;

	private final OrganisationSettings settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	TwoFactor(Accounts accounts, RecoveryCodes codes, SealedSecrets sealed, PasswordEncoder encoder,
			OrganisationSettings settings, ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.codes = codes;
		this.sealed = sealed;
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** An enrolment under way: the secret to show (only until it is confirmed). */
	record Pending(byte[] secret) {
	}

	boolean enabled(String email) {
		return accounts.loginState(email).map(Accounts.LoginState::totpEnabled).orElse(false);
	}

	boolean required() {
		return settings.twoFactorRequired();
	}

	int recoveryCodesLeft(String email) {
		return codes.countUnused(account(email).id());
	}

	/** The enrolment under way, started now if there is none; refused when two-factor login is on already. */
	@Transactional
	Pending pending(String email) {
		Account account = account(email);
		if (enabled(email)) {
			throw new ConflictException(new Text("accounts.two-factor.error-on-already"));
		}
		Optional<byte[]> secret = accounts.totpSecret(account.id()).map(s -> sealed.open(KEY, s));
		if (secret.isPresent()) {
			return new Pending(secret.get());
		}
		byte[] fresh = new byte[20];
		random.nextBytes(fresh);
		accounts.setPendingTotp(account.id(), sealed.seal(KEY, fresh));
		return new Pending(fresh);
	}

	/**
	 * Confirms the enrolment with a first code and turns two-factor login on.
	 * @return the recovery codes, shown this once
	 * @throws InvalidInputException on {@code code} for a wrong code
	 */
	@Transactional
	List<String> confirm(String email, String code) {
		Account account = account(email);
		byte[] secret = accounts.totpSecret(account.id()).map(s -> sealed.open(KEY, s))
			.filter(s -> !enabled(email))
			.orElseThrow(() -> new ConflictException(new Text("accounts.two-factor.error-no-enrolment")));
		OptionalLong step = Totp.match(secret, strip(code), clock);
		if (step.isEmpty()) {
			throw new InvalidInputException("code", new Text("accounts.two-factor.error-code"));
		}
		accounts.enableTotp(account.id(), step.getAsLong());
		return newRecoveryCodes(account.id());
	}

	/** Whether {@code code} (of the app, or a recovery code) is right and unused; it is used up if so. */
	@Transactional
	boolean verify(String email, String code) {
		Account account = account(email);
		if (!enabled(email)) {
			return false;
		}
		String given = strip(code);
		if (given.length() == 6) {
			byte[] secret = sealed.open(KEY, accounts.totpSecret(account.id()).orElseThrow());
			OptionalLong step = Totp.match(secret, given, clock);
			return step.isPresent() && accounts.acceptStep(account.id(), step.getAsLong());
		}
		String recovery = given.replace("-", "").toLowerCase(Locale.ROOT);
		if (recovery.length() != 10) {
			return false;
		}
		for (RecoveryCodes.Unused unused : codes.unused(account.id())) {
			if (encoder.matches(recovery, unused.codeHash())) {
				return codes.use(unused.id());
			}
		}
		return false;
	}

	/** New recovery codes in place of the old ones; asks the password. */
	@Transactional
	List<String> regenerate(String email, String password) {
		Account account = checkPassword(email, password);
		if (!enabled(email)) {
			throw new ConflictException(new Text("accounts.two-factor.error-off"));
		}
		return newRecoveryCodes(account.id());
	}

	/** Turns two-factor login off; asks the password, and is refused while an admin requires it. */
	@Transactional
	void turnOff(String email, String password) {
		Account account = checkPassword(email, password);
		if (required()) {
			throw new ConflictException(new Text("accounts.two-factor.error-required"));
		}
		accounts.disableTotp(account.id());
		codes.deleteAll(account.id());
	}

	/** An admin turns off another account's two-factor login (its phone and recovery codes are lost). */
	@Transactional
	void reset(long id) {
		accounts.disableTotp(id);
		codes.deleteAll(id);
	}

	private List<String> newRecoveryCodes(long userId) {
		List<String> plain = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
			}
			hashes.add(encoder.encode(code.toString()));
			plain.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		codes.replace(userId, hashes);
		return plain;
	}

	private Account checkPassword(String email, String password) {
		Account account = account(email);
		if (password == null || !encoder.matches(password, account.passwordHash())) {
			throw new InvalidInputException("password", new Text("accounts.two-factor.error-password"));
		}
		return account;
	}

	private Account account(String email) {
		return accounts.findByEmail(email).orElseThrow();
	}

	private static String strip(String code) {
		return code == null ? "" : code.replace(" ", "").strip();
	}

}
