package org.listserv.mail;

import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Pattern;

/**
 * What a local part at the list domain means: {@code {slug}} (posts), {@code {slug}-subscribe} or
 * {@code -join}, {@code {slug}-unsubscribe} or {@code -leave}, {@code {slug}-request} (commands),
 * {@code {slug}-confirm+{token}} (reply to confirm), {@code {slug}-bounces[+{token}]} (VERP bounces),
 * {@code {slug}-owner}. Whether the slug names a list is for the caller to check.
 *
 * @param slug the list's slug
 * @param role which of the list's addresses
 * @param token the part after {@code +}, or null
 */
public record ListAddress(String slug, Role role, String token) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

	/** The addresses every list has. */
	public enum Role {

		POST(""), SUBSCRIBE("-subscribe"), UNSUBSCRIBE("-unsubscribe"), REQUEST("-request"), CONFIRM("-confirm"),
		BOUNCES("-bounces"), OWNER("-owner");

		private final String suffix;

		Role(String suffix) {
			this.suffix = suffix;
		}

		public String suffix() {
			return suffix;
		}

	}

	/**
	 * The list address of a whole recipient address, at any domain (the part before the last {@code @});
	 * empty if there is no local part or it cannot be a list address.
	 */
	public static Optional<ListAddress> ofRecipient(String recipient) {
		int at = recipient == null ? -1 : recipient.lastIndexOf('@');
		return at <= 0 ? Optional.empty() : parse(recipient.substring(0, at));
	}

	/** Parses a local part (what comes before {@code @}); empty if it cannot be a list address. */
	public static Optional<ListAddress> parse(String localPart) {
		if (localPart == null || localPart.isBlank()) {
			return Optional.empty();
		}
		String local = localPart.toLowerCase(Locale.ROOT);
		String token = null;
		int plus = local.indexOf('+');
		if (plus >= 0) {
			token = localPart.substring(plus + 1);
			local = local.substring(0, plus);
		}
		Role role = Role.POST;
		String slug = local;
		for (Role r : Role.values()) {
			if (r != Role.POST && local.endsWith(r.suffix)) {
				role = r;
				slug = local.substring(0, local.length() - r.suffix.length());
			}
		}
		if (local.endsWith("-join")) {
			role = Role.SUBSCRIBE;
			slug = local.substring(0, local.length() - 5);
		}
		else if (local.endsWith("-leave")) {
			role = Role.UNSUBSCRIBE;
			slug = local.substring(0, local.length() - 6);
		}
		boolean tokenAllowed = role == Role.CONFIRM || role == Role.BOUNCES;
		if (slug.isEmpty() || !SLUG.matcher(slug).matches() || (token != null && !tokenAllowed)
				|| (role == Role.CONFIRM && (token == null || token.isBlank()))) {
			return Optional.empty();
		}
		return Optional.of(new ListAddress(slug, role, token));
	}

	/** The local part for this address, the inverse of {@link #parse}. */
	public String localPart() {
		return slug + role.suffix + (token == null ? "" : "+" + token);
	}

}
