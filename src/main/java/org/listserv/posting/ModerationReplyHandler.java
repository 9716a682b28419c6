package org.listserv.posting;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.google.re2j.Pattern;

import org.listserv.accounts.AccountService;
import org.listserv.inbound.Disposition;
import org.listserv.inbound.Envelope;
import org.listserv.inbound.InboundHandler;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;
import org.listserv.shared.ConflictException;
import org.listserv.shared.Sha256;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Replies to {@code {slug}-confirm+{token}@} whose token is a held post's (the moderator notice's reply
 * address). Every other token (subscription confirmations) goes on to the next CONFIRM handler, so this one
 * is ordered first. Only a moderator (an enabled ADMIN or STAFF account, by From) decides, and never an
 * automatic reply. The first line of the reply that is not quoted says what to do: {@code reject REASON},
 * {@code discard}, {@code ban}, {@code always} (or in Spanish {@code rechazar}, {@code descartar},
 * {@code bloquear}, {@code siempre}, as the Spanish notice says); anything else approves (reply-to-approve).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModerationReplyHandler implements InboundHandler {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final Posts posts;

	private final ModerationService moderation;

	private final AccountService accounts;

	private final org.listserv.lists.ListService lists;

	private final ObjectProvider<InboundHandler> handlers;

	ModerationReplyHandler(Posts posts, ModerationService moderation, AccountService accounts,
			org.listserv.lists.ListService lists, ObjectProvider<InboundHandler> handlers) {
		this.posts = posts;
		this.moderation = moderation;
		this.accounts = accounts;
		this.lists = lists;
		this.handlers = handlers;
	}

	@Override
	public Set<ListAddress.Role> roles() {
		return Set.of(ListAddress.Role.CONFIRM);
	}

	@Override
	public Disposition handle(InboundMessage message, Envelope envelope, ListAddress to) {
		Optional<Long> post = to.token() == null ? Optional.empty()
				: posts.findByToken(Sha256.hex(to.token().toLowerCase(Locale.ROOT)
					.getBytes(StandardCharsets.US_ASCII)));
		if (post.isEmpty()) {
			return handlers.orderedStream()
				.filter(h -> h != this && h.roles().contains(ListAddress.Role.CONFIRM))
				.findFirst()
				.map(h -> h.handle(message, envelope, to))
				.orElse(Disposition.handled("ignored: unknown confirmation token"));
		}
		if (envelope.mailFrom() == null || envelope.mailFrom().isBlank() || message.isAutomated()) {
			return Disposition.handled("ignored: an automatic reply to a moderation notice");
		}
		String from = message.from().map(a -> a.value()).orElse("");
		if (!accounts.isStaff(from)) {
			return Disposition.handled("ignored: " + (from.isEmpty() ? "no sender" : from) + " is not a moderator");
		}
		String line = firstLine(message);
		String word = WHITESPACE.split(line, 2)[0].toLowerCase(Locale.ROOT);
		ModerationService.Action action = switch (word) {
			case "reject", "rechazar" -> ModerationService.Action.REJECT;
			case "discard", "descartar" -> ModerationService.Action.DISCARD;
			case "always", "siempre" -> ModerationService.Action.ALWAYS;
			case "ban", "bloquear" -> ModerationService.Action.BAN;
			default -> ModerationService.Action.APPROVE;
		};
		String reason = action == ModerationService.Action.REJECT ? line.substring(word.length()).strip() : null;
		String slug = lists.findById(posts.find(post.get()).orElseThrow().listId()).orElseThrow().slug();
		try {
			return Disposition.handled("post " + post.get() + " by reply from " + from + ": "
					+ moderation.decide(slug, post.get(), action, reason, from));
		}
		catch (ConflictException ex) {
			return Disposition.handled("ignored: " + ex.getMessage());
		}
	}

	/** The first line of the reply that is neither empty nor quoted. */
	static String firstLine(InboundMessage message) {
		return message.textBody().lines().map(String::strip)
			.filter(l -> !l.isEmpty() && !l.startsWith(">"))
			.findFirst().orElse("");
	}

}
