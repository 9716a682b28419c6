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
import org.listserv.shared.Languages;
import org.listserv.shared.Texts;

import org.springframework.stereotype.Component;

/**
 * Joining and leaving by email: {@code {slug}-subscribe@}, {@code {slug}-unsubscribe@},
 * {@code {slug}-confirm+{token}@} (a reply to a confirmation request) and {@code {slug}-request@}
 * (commands in the subject or body, one reply listing each result). Mail from machines is never
 * answered (null sender, RFC 3834 auto-replies, bulk and list mail, our own domain), and replies to one
 * address are rate-limited, so no loop can start here.
 * <p>
 * Commands in English and Spanish ({@link #COMMANDS}; case and accents do not matter: {@code Suscribir},
 * {@code BAJA}, {@code suscríbir}). The first command found tells the language the person writes in: the
 * reply comes in it, and a join asks for it (see {@link SubscriptionService#requestSubscription}); with no
 * command word the reply is in the sender's own language, else the list's.
 */
@Component
class EmailCommandHandler implements InboundHandler {

	private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^(re|aw|fwd?):\\s*");

	private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x1F\\x7F]+");

	private static final int MAX_LINES = 30;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** A command word as written (lower case, accents dropped): the command, and the language it is in. */
	record Word(String command, String language) {
	}

	static final Map<String, Word> COMMANDS = Map.ofEntries(Map.entry("subscribe", new Word("subscribe", "en")),
			Map.entry("join", new Word("subscribe", "en")), Map.entry("unsubscribe", new Word("unsubscribe", "en")),
			Map.entry("leave", new Word("unsubscribe", "en")), Map.entry("remove", new Word("unsubscribe", "en")),
			Map.entry("help", new Word("help", "en")), Map.entry("info", new Word("help", "en")),
			Map.entry("lists", new Word("lists", "en")), Map.entry("confirm", new Word("confirm", "en")),
			Map.entry("suscribir", new Word("subscribe", "es")), Map.entry("suscribirse", new Word("subscribe", "es")),
			Map.entry("suscribirme", new Word("subscribe", "es")), Map.entry("alta", new Word("subscribe", "es")),
			Map.entry("baja", new Word("unsubscribe", "es")), Map.entry("cancelar", new Word("unsubscribe", "es")),
			Map.entry("ayuda", new Word("help", "es")), Map.entry("listas", new Word("lists", "es")),
			Map.entry("confirmar", new Word("confirm", "es")));

	/** Words that end the commands, as {@code --} does. */
	private static final java.util.Set<String> END = java.util.Set.of("end", "stop", "fin");

	private final ListService lists;

	private final SubscriptionService subscriptions;

	private final SubscriptionNotices notices;

	private final MailProperties mail;

	private final Languages languages;

	private final MemberLanguages memberLanguages;

	private final Texts texts;

	EmailCommandHandler(ListService lists, SubscriptionService subscriptions, SubscriptionNotices notices,
			MailProperties mail, Languages languages, MemberLanguages memberLanguages, Texts texts) {
		this.languages = languages;
		this.memberLanguages = memberLanguages;
		this.texts = texts;
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
		String written = writtenIn(lines(message));
		return switch (to.role()) {
			case SUBSCRIBE -> Disposition
				.handled(subscribe(list.get(), sender, message.fromName(), actor, written) + checked);
			case UNSUBSCRIBE -> Disposition.handled(unsubscribe(list.get(), sender, written) + checked);
			case CONFIRM -> Disposition.handled(confirm(list.get(), sender, to.token(), actor, written) + checked);
			case REQUEST -> Disposition.handled(commands(list.get(), sender, message, actor, written) + checked);
			default -> Disposition.held("not a command address");
		};
	}

	private String subscribe(MailingList list, EmailAddress sender, String fromName, Actor actor, String written) {
		if (!list.publicList()) {
			Locale language = replyLanguage(list, sender, written);
			reply(list, sender, "", List.of(result(language, "subscribe",
					texts.get(language, "subscriptions.command.no-email"))), language);
			return "refused: the list is not public";
		}
		// the consent text is shown in the confirmation mail, in the language of the request
		try {
			subscriptions.requestSubscription(list.slug(), sender.value(), cleanName(fromName), written, null, actor);
		}
		catch (InvalidInputException ex) {
			subscriptions.requestSubscription(list.slug(), sender.value(), "", written, null, actor);
		}
		return "subscription requested for " + sender;
	}

	private String unsubscribe(MailingList list, EmailAddress sender, String written) {
		if (subscriptions.requestUnsubscribe(list.slug(), sender, written)) {
			return "confirmation of leaving sent to " + sender;
		}
		Locale language = replyLanguage(list, sender, written);
		reply(list, sender, "", List.of(result(language, "unsubscribe",
				texts.get(language, "subscriptions.command.not-on-list", sender.value()))), language);
		return sender + " is not on the list";
	}

	private String confirm(MailingList list, EmailAddress sender, String token, Actor actor, String written) {
		// a reply to the confirmation mail: the consent was shown in that mail's language
		SubscriptionService.ConfirmResult result = subscriptions.confirm(token, actor, null);
		Locale language = replyLanguage(list, sender, written);
		switch (result.outcome()) {
			case JOINED, LEFT -> {
				return "confirmed by reply: " + result.outcome().name().toLowerCase(Locale.ROOT);
			}
			case EXPIRED -> reply(list, sender, "", List.of(result(language, "confirm", texts.get(language,
					"subscriptions.command.expired", list.slug() + "-subscribe@" + mail.domain()))), language);
			case INVALID -> reply(list, sender, "",
					List.of(result(language, "confirm", texts.get(language, "subscriptions.command.invalid"))),
					language);
			default -> {
				// already done: nothing to say
			}
		}
		return "confirmation " + result.outcome().name().toLowerCase(Locale.ROOT);
	}

	/** The subject (without Re:) and the first lines of the body. */
	private static List<String> lines(InboundMessage message) {
		List<String> lines = new ArrayList<>();
		lines.add(REPLY_PREFIX.matcher(message.subject()).replaceFirst(""));
		message.textBody().lines().limit(MAX_LINES).forEach(lines::add);
		return lines;
	}

	/** The command word a line starts with, if it does (null at the end of the commands: "--", "end"). */
	private static Optional<Word> word(String raw) {
		String line = raw.strip();
		if (line.isEmpty() || line.startsWith(">")) {
			return Optional.empty();
		}
		return Optional.ofNullable(COMMANDS.get(normalise(firstWord(line))));
	}

	private static boolean ends(String raw) {
		String line = raw.strip();
		return line.equals("--") || END.contains(normalise(line));
	}

	/** Lower case without accents: "Suscríbir" → "suscribir". */
	static String normalise(String word) {
		return MARKS.matcher(java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
	}

	/** The language of the first command word in the lines, if any (a tag). */
	private String writtenIn(List<String> lines) {
		for (String raw : lines) {
			ReadingBudget.check();
			if (ends(raw)) {
				break;
			}
			Optional<Word> w = word(raw);
			if (w.isPresent()) {
				return languages.find(w.get().language()).map(Locale::toLanguageTag).orElse(null);
			}
		}
		return null;
	}

	/** The reply's language: the command's, else the sender's own, else the list's. */
	private Locale replyLanguage(MailingList list, EmailAddress sender, String written) {
		return languages.find(written).orElseGet(() -> memberLanguages.of(sender.value(), list));
	}

	private String commands(MailingList list, EmailAddress sender, InboundMessage message, Actor actor,
			String written) {
		Locale language = replyLanguage(list, sender, written);
		List<Map<String, String>> results = new ArrayList<>();
		Map<String, Boolean> seen = new LinkedHashMap<>();
		for (String raw : lines(message)) {
			ReadingBudget.check();
			if (ends(raw)) {
				break;
			}
			Optional<Word> w = word(raw);
			if (w.isEmpty() || seen.putIfAbsent(w.get().command(), true) != null) {
				continue;
			}
			String command = w.get().command();
			results.add(result(language, command, run(command, raw.strip(), list, sender, message, actor, written,
					language)));
		}
		reply(list, sender, message.subject(), results, language);
		return results.isEmpty() ? "no command found" : "commands: " + String.join(", ", seen.keySet());
	}

	private String run(String command, String line, MailingList list, EmailAddress sender, InboundMessage message,
			Actor actor, String written, Locale language) {
		return switch (command) {
			case "subscribe" -> {
				subscribe(list, sender, message.fromName(), actor, written);
				yield list.publicList() ? texts.get(language, "subscriptions.command.confirm-sent", sender.value())
						: texts.get(language, "subscriptions.command.no-email");
			}
			case "unsubscribe" -> subscriptions.requestUnsubscribe(list.slug(), sender, written)
					? texts.get(language, "subscriptions.command.leave-sent", sender.value())
					: texts.get(language, "subscriptions.command.not-on-list", sender.value());
			case "lists" -> String.join("\n", lists.all().stream().filter(MailingList::publicList)
				.map(l -> "  " + l.slug() + "@" + mail.domain() + "  " + l.name()).toList());
			case "confirm" -> confirmCommand(line, list, actor, language);
			default -> notices.help(list, sender, language);
		};
	}

	/** {@code confirm TOKEN}: the token of a confirmation mail, for someone whose reply cannot keep its address. */
	private String confirmCommand(String line, MailingList list, Actor actor, Locale language) {
		String rest = line.substring(firstWord(line).length()).strip();
		String token = rest.isEmpty() ? "" : firstWord(rest);
		if (token.isEmpty()) {
			return texts.get(language, "subscriptions.command.confirm-how");
		}
		return switch (subscriptions.confirm(token, actor, null).outcome()) {
			case JOINED -> texts.get(language, "subscriptions.command.joined", list.name());
			case LEFT -> texts.get(language, "subscriptions.command.left", list.name());
			case ALREADY_DONE -> texts.get(language, "subscriptions.command.already");
			case EXPIRED -> texts.get(language, "subscriptions.command.expired",
					list.slug() + "-subscribe@" + mail.domain());
			default -> texts.get(language, "subscriptions.command.invalid");
		};
	}

	private void reply(MailingList list, EmailAddress to, String subject, List<Map<String, String>> results,
			Locale language) {
		if (notices.mayNotify(to)) {
			notices.commandReply(list, to, subject, results, language);
		}
	}

	/** A (command, result) pair of the reply, the command named in the reply's language. */
	private Map<String, String> result(Locale language, String command, String text) {
		return Map.of("command", texts.get(language, "subscriptions.command.name." + command), "result", text);
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
