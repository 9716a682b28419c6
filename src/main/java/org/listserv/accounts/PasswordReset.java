package org.listserv.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.listserv.mail.EmailAddress;
import org.listserv.mail.MailProperties;
import org.listserv.mail.MailTemplates;
import org.listserv.mail.OutboundMessage;
import org.listserv.mail.Outbox;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.Sha256;
import org.listserv.shared.Text;
import org.listserv.web.RateLimits;
import org.listserv.web.WebProperties;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a link by mail ({@code password-reset} notice, through the outbox), random, stored as
 * a SHA-256, single use, valid for {@link #VALIDITY}. Whoever asks hears the same whether or not the address
 * has an account; mails are limited per address and requests per client address. A new password ends the
 * account's page sessions (see {@link AccountLoginSteps}) and leaves two-factor login as it was.
 */
@Service
class PasswordReset {

	static final Duration VALIDITY = Duration.ofHours(1);

	static final int MAILS_PER_ADDRESS_PER_HOUR = 3;

	static final int REQUESTS_PER_CLIENT_PER_HOUR = 20;

	private final Accounts accounts;

	private final PasswordResets resets;

	private final PasswordEncoder encoder;

	private final Outbox outbox;

	private final MailTemplates templates;

	private final MailProperties mail;

	private final WebProperties web;

	private final RateLimits limits;

	private final Languages languages;

	private final SecureRandom random = new SecureRandom();

	PasswordReset(Accounts accounts, PasswordResets resets, PasswordEncoder encoder, Outbox outbox,
			MailTemplates templates, MailProperties mail, WebProperties web, RateLimits limits, Languages languages) {
		this.accounts = accounts;
		this.resets = resets;
		this.encoder = encoder;
		this.outbox = outbox;
		this.templates = templates;
		this.mail = mail;
		this.web = web;
		this.limits = limits;
		this.languages = languages;
	}

	/**
	 * Mails a link if {@code email} is an enabled account and neither limit is reached; silent otherwise.
	 * @param client the client's address, for its limit
	 * @param pageLanguage the language of the page it was asked on (the mail's, unless the account chose one)
	 */
	@Transactional
	void request(String email, String client, Locale pageLanguage) {
		if (!limits.tryAcquire("password-reset-client:" + client, REQUESTS_PER_CLIENT_PER_HOUR, Duration.ofHours(1))
				|| email == null || !EmailAddress.isValid(email.strip())) {
			return;
		}
		Optional<Account> account = accounts.findByEmail(email.strip()).filter(Account::enabled);
		if (account.isEmpty() || !limits.tryAcquire("password-reset:" + account.get().email().toLowerCase(Locale.ROOT),
				MAILS_PER_ADDRESS_PER_HOUR, Duration.ofHours(1))) {
			return;
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		resets.insert(account.get().id(), Sha256.hex(token), VALIDITY);
		Map<String, Object> model = new HashMap<>();
		model.put("account", Map.of("email", account.get().email(), "name", account.get().name()));
		model.put("reset_url", web.base() + "/login/reset/" + token);
		model.put("expiry_minutes", VALIDITY.toMinutes());
		Locale language = Optional.ofNullable(account.get().language()).flatMap(languages::find).orElse(pageLanguage);
		MailTemplates.Rendered r = templates.render("password-reset", language, model);
		outbox.enqueue(new OutboundMessage("password-reset", EmailAddress.parse("postmaster@" + mail.domain()), "listserv",
				EmailAddress.parse(account.get().email()), null, r.subject(), r.text(), r.html(),
				Map.of("Auto-Submitted", "auto-generated")));
	}

	/** Whether the link is good (unused, unexpired, its account enabled); does not use it. */
	boolean valid(String token) {
		return token != null && token.length() <= 100 && resets.valid(Sha256.hex(token)).isPresent();
	}

	/**
	 * Sets the new password through the link, which is used up.
	 * @return false when the link is not (or no longer) good
	 * @throws InvalidInputException on {@code password} for a password too short
	 */
	@Transactional
	boolean reset(String token, String password) {
		if (password == null || password.length() < AccountService.MIN_PASSWORD_LENGTH) {
			throw new InvalidInputException("password",
					new Text("accounts.error.password-short", String.valueOf(AccountService.MIN_PASSWORD_LENGTH)));
		}
		if (!valid(token)) {
			return false;
		}
		Optional<Long> user = resets.use(Sha256.hex(token));
		user.ifPresent(id -> accounts.setPassword(id, encoder.encode(password)));
		return user.isPresent();
	}

}
