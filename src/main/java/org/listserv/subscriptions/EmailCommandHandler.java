package org.listserv.subscriptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.re2j.Pattern;

import org.listserv.inbound.Disposition;
import org.listserv.inbound.Envelope;
import org.listserv.inbound.InboundHandler;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;
import org.listserv.mail.MailProperties;
import org.listserv.mail.ReadingBudget;
import org.listserv.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Joining and leaving by email: {@code {slug}-subscribe@}, {@code {slug}-unsubscribe@},
 * {@code {slug}-confirm+{token}@} (a reply to a confirmation request) and {@code {slug}-request@}
 * (commands in the subject or body, one reply listing each result). Mail from machines is never
 * answered (null sender, RFC 3834 auto-replies, bulk and list mail, our own domain), and replies to one
 * address are rate-limited, so no loop can start here.
 */
@Component
class EmailCommandHandler implements InboundHandler {

	private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^(re|aw|fwd?):\\s*");

	private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x1F\\x7F]+");

	private static final int MAX_LINES = 30;

	private final ListService lists;

	private final SubscriptionService subscriptions;

	private final SubscriptionNotices notices;

	private final MailProperties mail;

	EmailCommandHandler(ListService lists, SubscriptionService subscriptions, SubscriptionNotices notices,
			MailProperties mail) {
		this.lists = lists;
		this.subscriptions = subscriptions;
		this.notices = notices;
		this.mail = mail;
	}

	@Override
	public java.util.Set<ListAddress.Role> roles() {
		return java.util.Set.of(ListAddress.Role.SUBSCRIBE, ListAddress.Role.UNSUBSCRIBE, ListAddress.Role.REQUEST,
				ListAddress.Role.CONFIRM);
	}

	@Override
	public Disposition handle(InboundMessage message, Envelope envelope, ListAddress to) {
		if (envelope.mailFrom() == null || envelope.mailFrom().isBlank()) {
			return Disposition.handled("ignored: null envelope sender (a bounce)");
		}
		if (message.isAutomated()) {
			return Disposition.handled("ignored: sent by a machine (auto-reply, bulk or list mail)");
		}
		Optional<EmailAddress> from = message.from();
		if (from.isEmpty()) {
			return Disposition.handled("ignored: no valid From address");
		}
		if (mail.isListDomain(from.get().domain())) {
			return Disposition.handled("ignored: From is one of our own addresses");
		}
		Optional<MailingList> list = lists.find(to.slug());
		if (list.isEmpty()) {
			return Disposition.failed("no list '" + to.slug() + "'");
		}
		// From proves nothing; a confirmation reply names the subscriber once its token is checked
		Actor actor = Actor.anonymous(ConsentSource.EMAIL_COMMAND, null, message.messageId());
		EmailAddress sender = from.get();
		// Forwarders and VERP make the envelope differ from From legitimately; answers always go to From
		// (so a forged From only ever reaches its real owner), and the difference is noted.
		String checked = envelope.mailFrom().equalsIgnoreCase(sender.value()) ? ""
				: " (envelope sender " + envelope.mailFrom() + " differs from From)";
		return switch (to.role()) {
			case SUBSCRIBE -> Disposition.handled(subscribe(list.get(), sender, message.fromName(), actor) + checked);
			case UNSUBSCRIBE -> Disposition.handled(unsubscribe(list.get(), sender) + checked);
			case CONFIRM -> Disposition.handled(confirm(list.get(), sender, to.token(), actor) + checked);
			case REQUEST -> Disposition.handled(commands(list.get(), sender, message, actor) + checked);
			default -> Disposition.held("not a command address");
		};
	}

	private String subscribe(MailingList list, EmailAddress sender, String fromName, Actor actor) {
		if (!list.publicList()) {
			reply(list, sender, "", List.of(result("subscribe", "This list does not take subscriptions by email.")));
			return "refused: the list is not public";
		}
		try {
			subscriptions.requestSubscription(list.slug(), sender.value(), cleanName(fromName), actor);
		}
		catch (InvalidInputException ex) {
			subscriptions.requestSubscription(list.slug(), sender.value(), "", actor);
		}
		return "subscription requested for " + sender;
	}

	private String unsubscribe(MailingList list, EmailAddress sender) {
		if (subscriptions.requestUnsubscribe(list.slug(), sender)) {
			return "confirmation of leaving sent to " + sender;
		}
		reply(list, sender, "", List.of(result("unsubscribe", sender + " is not on this list.")));
		return sender + " is not on the list";
	}

	private String confirm(MailingList list, EmailAddress sender, String token, Actor actor) {
		SubscriptionService.ConfirmResult result = subscriptions.confirm(token, actor);
		switch (result.outcome()) {
			case JOINED, LEFT -> {
				return "confirmed by reply: " + result.outcome().name().toLowerCase(Locale.ROOT);
			}
			case EXPIRED -> reply(list, sender, "", List.of(result("confirm",
					"This confirmation has expired. Write to " + list.slug() + "-subscribe@" + mail.domain()
							+ " to start again.")));
			case INVALID -> reply(list, sender, "", List.of(result("confirm", "This confirmation is not valid.")));
			default -> {
				// already done: nothing to say
			}
		}
		return "confirmation " + result.outcome().name().toLowerCase(Locale.ROOT);
	}

	private String commands(MailingList list, EmailAddress sender, InboundMessage message, Actor actor) {
		List<Map<String, String>> results = new ArrayList<>();
		Map<String, Boolean> seen = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		lines.add(REPLY_PREFIX.matcher(message.subject()).replaceFirst(""));
		message.textBody().lines().limit(MAX_LINES).forEach(lines::add);
		for (String raw : lines) {
			ReadingBudget.check();
			String line = raw.strip();
			if (line.equals("--") || line.equalsIgnoreCase("end") || line.equalsIgnoreCase("stop")) {
				break;
			}
			String word = line.isEmpty() || line.startsWith(">") ? "" : firstWord(line).toLowerCase(Locale.ROOT);
			String command = switch (word) {
				case "subscribe", "join" -> "subscribe";
				case "unsubscribe", "leave", "remove" -> "unsubscribe";
				case "help", "info" -> "help";
				case "lists" -> "lists";
				default -> null;
			};
			if (command == null || seen.putIfAbsent(command, true) != null) {
				continue;
			}
			results.add(result(command, run(command, list, sender, message, actor)));
		}
		reply(list, sender, message.subject(), results);
		return results.isEmpty() ? "no command found" : "commands: " + String.join(", ", seen.keySet());
	}

	private String run(String command, MailingList list, EmailAddress sender, InboundMessage message, Actor actor) {
		return switch (command) {
			case "subscribe" -> {
				subscribe(list, sender, message.fromName(), actor);
				yield list.publicList() ? "A message to confirm has been sent to " + sender + "."
						: "This list does not take subscriptions by email.";
			}
			case "unsubscribe" -> subscriptions.requestUnsubscribe(list.slug(), sender)
					? "A message to confirm leaving has been sent to " + sender + "." : sender + " is not on this list.";
			case "lists" -> String.join("\n", lists.all().stream().filter(MailingList::publicList)
				.map(l -> "  " + l.slug() + "@" + mail.domain() + "  " + l.name()).toList());
			default -> notices.help(list, sender);
		};
	}

	private void reply(MailingList list, EmailAddress to, String subject, List<Map<String, String>> results) {
		if (notices.mayNotify(to)) {
			notices.commandReply(list, to, subject, results);
		}
	}

	private static Map<String, String> result(String command, String text) {
		return Map.of("command", command, "result", text);
	}

	/** The line up to its first white space. */
	private static String firstWord(String line) {
		for (int i = 0; i < line.length(); i++) {
			if (Character.isWhitespace(line.charAt(i))) {
				return line.substring(0, i);
			}
		}
		return line;
	}

	private static String cleanName(String name) {
		String clean = name == null ? "" : CONTROLS.matcher(name).replaceAll(" ").strip();
		return clean.length() > 200 ? clean.substring(0, 200) : clean;
	}

}
