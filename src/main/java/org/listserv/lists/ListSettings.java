package org.listserv.lists;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.re2j.Pattern;

import org.listserv.mail.EmailAddress;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.Text;

/** Validated settings of a list, made from a request; every error names its field. */
record ListSettings(String slug, String name, String description, ListKind kind,
		SubscriptionPolicy subscriptionPolicy, PostingPolicy postingPolicy, String fromName, String fromAddress,
		String replyTo, String footer, boolean publicList, String consentText, boolean goodbyeNotice,
		BigDecimal bounceThreshold, String greetingFallback, String language) {

	/** What a greeting says when a list has not chosen its own word. */
	static final String DEFAULT_GREETING_FALLBACK = "friend";

	static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

	static final int MAX_SLUG = 32;

	/** Suffixes of the list's own addresses ({slug}-request@...): a slug ending so would be ambiguous. */
	static final List<String> RESERVED_SUFFIXES = List.of("-request", "-subscribe", "-unsubscribe", "-confirm",
			"-bounces", "-owner", "-join", "-leave");

	static ListSettings forCreate(ListRequest r, Languages languages) {
		String slug = slug(r.slug());
		ListKind kind = required("kind", r.kind(), ListKind.class);
		return new ListSettings(slug, name(r.name()), text("description", r.description(), 2000), kind,
				isBlank(r.subscriptionPolicy()) ? kind.defaultSubscriptionPolicy()
						: required("subscriptionPolicy", r.subscriptionPolicy(), SubscriptionPolicy.class),
				isBlank(r.postingPolicy()) ? kind.defaultPostingPolicy()
						: required("postingPolicy", r.postingPolicy(), PostingPolicy.class),
				headerText("fromName", r.fromName()), address("fromAddress", r.fromAddress()),
				address("replyTo", r.replyTo()), text("footer", r.footer(), 10_000),
				r.publicList() == null || r.publicList(), text("consentText", r.consentText(), 2000),
				r.goodbyeNotice() == null || r.goodbyeNotice(), bounceThreshold(r.bounceThreshold()),
				greetingFallback(r.greetingFallback()),
				languages.parse("language", r.language()).orElse(languages.fallback().toLanguageTag()));
	}

	static ListSettings forUpdate(MailingList current, ListRequest r, Languages languages) {
		if (r.slug() != null && !r.slug().equals(current.slug())) {
			throw new InvalidInputException("slug", new Text("lists.error.slug-fixed"));
		}
		return new ListSettings(current.slug(), r.name() == null ? current.name() : name(r.name()),
				r.description() == null ? current.description() : text("description", r.description(), 2000),
				r.kind() == null ? current.kind() : required("kind", r.kind(), ListKind.class),
				r.subscriptionPolicy() == null ? current.subscriptionPolicy()
						: required("subscriptionPolicy", r.subscriptionPolicy(), SubscriptionPolicy.class),
				r.postingPolicy() == null ? current.postingPolicy()
						: required("postingPolicy", r.postingPolicy(), PostingPolicy.class),
				r.fromName() == null ? current.fromName() : headerText("fromName", r.fromName()),
				r.fromAddress() == null ? current.fromAddress() : address("fromAddress", r.fromAddress()),
				r.replyTo() == null ? current.replyTo() : address("replyTo", r.replyTo()),
				r.footer() == null ? current.footer() : text("footer", r.footer(), 10_000),
				r.publicList() == null ? current.publicList() : r.publicList(),
				r.consentText() == null ? current.consentText() : text("consentText", r.consentText(), 2000),
				r.goodbyeNotice() == null ? current.goodbyeNotice() : r.goodbyeNotice(),
				r.bounceThreshold() == null ? current.bounceThreshold() : bounceThreshold(r.bounceThreshold()),
				r.greetingFallback() == null ? current.greetingFallback() : greetingFallback(r.greetingFallback()),
				r.language() == null ? current.language()
						: languages.parse("language", r.language()).orElse(current.language()));
	}

	Map<String, Object> asParams() {
		Map<String, Object> p = new HashMap<>();
		p.put("slug", slug);
		p.put("name", name);
		p.put("description", description);
		p.put("kind", kind.name());
		p.put("subscriptionPolicy", subscriptionPolicy.name());
		p.put("postingPolicy", postingPolicy.name());
		p.put("fromName", fromName);
		p.put("fromAddress", fromAddress);
		p.put("replyTo", replyTo);
		p.put("footer", footer);
		p.put("publicList", publicList);
		p.put("consentText", consentText);
		p.put("goodbyeNotice", goodbyeNotice);
		p.put("bounceThreshold", bounceThreshold);
		p.put("greetingFallback", greetingFallback);
		p.put("language", language);
		return p;
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	private static String slug(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException("slug", new Text("lists.error.slug-required"));
		}
		String slug = raw.strip();
		if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
			throw new InvalidInputException("slug", new Text("lists.error.slug-invalid", String.valueOf(MAX_SLUG)));
		}
		for (String suffix : RESERVED_SUFFIXES) {
			if (slug.endsWith(suffix)) {
				throw new InvalidInputException("slug", new Text("lists.error.slug-reserved", suffix));
			}
		}
		return slug;
	}

	/** 0 means the default ({@code listserv.bounces.threshold}), stored as null. */
	private static BigDecimal bounceThreshold(BigDecimal raw) {
		if (raw == null || raw.signum() == 0) {
			return null;
		}
		if (raw.signum() < 0 || raw.compareTo(new BigDecimal("1000")) >= 0 || raw.scale() > 2) {
			throw new InvalidInputException("bounceThreshold", new Text("lists.error.bounce-threshold"));
		}
		return raw.stripTrailingZeros().scale() < 0 ? raw.setScale(0) : raw.stripTrailingZeros();
	}

	/** Blank means the default word; it stands where a name would, so one line, no markup needed. */
	private static String greetingFallback(String raw) {
		if (raw == null || raw.isBlank()) {
			return DEFAULT_GREETING_FALLBACK;
		}
		String value = raw.strip();
		if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException("greetingFallback", new Text("lists.error.greeting-one-line"));
		}
		if (value.length() > 100) {
			throw new InvalidInputException("greetingFallback", new Text("lists.error.greeting-long"));
		}
		return value;
	}

	private static String name(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException("name", new Text("lists.error.name-required"));
		}
		return headerText("name", raw);
	}

	/** Text that may end up in a mail header: one line, no control characters (no header injection). */
	private static String headerText(String field, String raw) {
		if (raw == null) {
			return "";
		}
		String value = raw.strip();
		if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException(field, new Text("lists.error.one-line", field));
		}
		if (value.length() > 200) {
			throw new InvalidInputException(field, new Text("lists.error.too-long", field, "200"));
		}
		return value;
	}

	private static String text(String field, String raw, int max) {
		if (raw == null) {
			return "";
		}
		if (raw.length() > max) {
			throw new InvalidInputException(field, new Text("lists.error.too-long", field, String.valueOf(max)));
		}
		return raw.strip();
	}

	private static String address(String field, String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		try {
			return EmailAddress.parse(raw).value();
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			throw new InvalidInputException(field, new Text("lists.error.address", field, ex.reason()));
		}
	}

	static <E extends Enum<E>> E required(String field, String raw, Class<E> type) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException(field, new Text("lists.error.choice-required", field, values(type)));
		}
		try {
			return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, new Text("lists.error.choice", field, values(type)));
		}
	}

	private static String values(Class<? extends Enum<?>> type) {
		return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
	}

}
