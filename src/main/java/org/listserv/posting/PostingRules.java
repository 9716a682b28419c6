package org.listserv.posting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Pattern;

import org.listserv.accounts.AccountService;
import org.listserv.lists.PostingPolicy;
import org.listserv.mail.ReadingBudget;
import org.listserv.subscriptions.Member;
import org.listserv.subscriptions.MemberService;
import org.listserv.subscriptions.MembershipStatus;

import org.springframework.stereotype.Component;

/**
 * The rules a post goes through, in this order: {@code loop}, {@code automated}, {@code administrivia}, {@code size},
 * {@code banned}, {@code recipients}, {@code emergency}, {@code policy}. Loops and commands come first
 * (neither must ever reach moderators or members); the list's policy comes last, after every reason to hold.
 */
@Component
class PostingRules {

	static final List<String> ORDER = List.of("loop", "automated", "administrivia", "size", "banned", "recipients",
			"emergency", "policy");

	private static final Pattern COMMAND = Pattern.compile("^(re:\\s*)?(un)?subscribe\\b.*", Pattern.CASE_INSENSITIVE);

	private final List<Rule> rules;

	PostingRules(PostingSettings settings, MemberService members, AccountService accounts) {
		this.rules = List.of(loop(), automated(), administrivia(), size(), banned(settings), recipients(), emergency(),
				policy(settings, members, accounts));
	}

	/** Runs the rules in order until one decides; the verdicts given, the deciding one last. */
	List<Verdict> run(PostContext post) {
		List<Verdict> verdicts = new ArrayList<>();
		for (Rule rule : rules) {
			ReadingBudget.check();
			Verdict v = rule.check(post);
			verdicts.add(v);
			if (v.outcome() != Verdict.Outcome.PASS) {
				return verdicts;
			}
		}
		verdicts.add(new Verdict("policy", Verdict.Outcome.ACCEPT, "no rule objected"));
		return verdicts;
	}

	List<String> names() {
		return rules.stream().map(Rule::name).toList();
	}

	static Rule rule(String name, java.util.function.Function<PostContext, Verdict> check) {
		return new Rule() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public Verdict check(PostContext post) {
				return check.apply(post);
			}
		};
	}

	/** Our own List-Id or X-BeenThere: the post came back from this list. */
	static Rule loop() {
		return rule("loop", p -> {
			String id = "<" + p.list().slug() + "." + p.domain() + ">";
			boolean been = p.message().header("X-BeenThere").stream().anyMatch(v -> v.equalsIgnoreCase(p.listAddress()));
			boolean ours = p.message().header("List-Id").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(id));
			return been || ours ? new Verdict("loop", Verdict.Outcome.REFUSE, "it came back from this list ("
					+ (been ? "X-BeenThere" : "List-Id") + ")") : Verdict.pass("loop", "not from this list");
		});
	}

	/**
	 * Mail from a machine (an auto-reply, a bounce, another list's mail: see
	 * {@link org.listserv.mail.InboundMessage#isAutomated}) is held: distributed, a vacation reply to a list
	 * whose replies go to the list would reach every member.
	 */
	static Rule automated() {
		return rule("automated", p -> p.message().isAutomated()
				? Verdict.hold("automated", "sent by a machine (auto-reply, bounce or another list)", "automated")
				: Verdict.pass("automated", "sent by a person"));
	}

	/** "subscribe" or "unsubscribe" as the subject or the first lines of a short body: a command. */
	static Rule administrivia() {
		return rule("administrivia", p -> {
			if (COMMAND.matcher(p.message().subject()).matches()) {
				return new Verdict("administrivia", Verdict.Outcome.COMMAND, "the subject is a command");
			}
			List<String> lines = p.message().textBody().lines().map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith(">")).toList();
			if (lines.size() <= 5 && lines.stream().limit(2).anyMatch(l -> COMMAND.matcher(l).matches())) {
				return new Verdict("administrivia", Verdict.Outcome.COMMAND, "the body is a command");
			}
			return Verdict.pass("administrivia", "not a command");
		});
	}

	static Rule size() {
		return rule("size", p -> p.message().raw().length > p.settings().maxSize()
				? Verdict.hold("size", "larger than " + p.settings().maxSize() + " bytes ("
						+ p.message().raw().length + ")", "size", p.settings().maxSize(), p.message().raw().length)
				: Verdict.pass("size", p.message().raw().length + " bytes"));
	}

	static Rule banned(PostingSettings settings) {
		return rule("banned", p -> p.sender() != null
				&& settings.senderKind(p.list().id(), p.sender().value()).filter("BANNED"::equals).isPresent()
						? new Verdict("banned", Verdict.Outcome.REFUSE, p.sender().value() + " is banned from this list")
						: Verdict.pass("banned", "not banned"));
	}

	static Rule recipients() {
		return rule("recipients", p -> p.message().recipientCount() > p.settings().maxRecipients()
				? Verdict.hold("recipients", p.message().recipientCount()
						+ " addresses in To and Cc (at most " + p.settings().maxRecipients() + ")", "recipients",
						p.message().recipientCount(), p.settings().maxRecipients())
				: Verdict.pass("recipients", p.message().recipientCount() + " addresses in To and Cc"));
	}

	static Rule emergency() {
		return rule("emergency", p -> p.settings().emergencyModeration()
				? Verdict.hold("emergency", "emergency moderation is on: every post is held", "emergency")
				: Verdict.pass("emergency", "emergency moderation is off"));
	}

	/**
	 * The list's posting policy. Senders a moderator marked "always accept" pass under every policy; staff
	 * accounts may post to ANNOUNCE and MEMBERS lists; whoever else may not post is held, not refused.
	 */
	static Rule policy(PostingSettings settings, MemberService members, AccountService accounts) {
		return rule("policy", p -> {
			if (p.sender() == null) {
				return Verdict.hold("policy", "no valid From address", "no-from");
			}
			String from = p.sender().value();
			if (settings.senderKind(p.list().id(), from).filter("ALLOWED"::equals).isPresent()) {
				return new Verdict("policy", Verdict.Outcome.ACCEPT, from + " is an allowed poster");
			}
			PostingPolicy policy = p.list().postingPolicy();
			return switch (policy) {
				case OPEN -> new Verdict("policy", Verdict.Outcome.ACCEPT, "OPEN list");
				case MODERATED -> Verdict.hold("policy", "MODERATED list: every post is held", "moderated");
				case ANNOUNCE -> accounts.isStaff(from)
						? new Verdict("policy", Verdict.Outcome.ACCEPT, "ANNOUNCE list: " + from + " is staff")
						: Verdict.hold("policy", "ANNOUNCE list: only staff and allowed posters post", "announce");
				case MEMBERS -> {
					if (isActiveMember(members, p.list().slug(), from)) {
						yield new Verdict("policy", Verdict.Outcome.ACCEPT, "MEMBERS list: " + from + " is an active member");
					}
					yield accounts.isStaff(from)
							? new Verdict("policy", Verdict.Outcome.ACCEPT, "MEMBERS list: " + from + " is staff")
							: Verdict.hold("policy", "MEMBERS list: " + from + " is not an active member", "not-member", from);
				}
			};
		});
	}

	private static boolean isActiveMember(MemberService members, String slug, String email) {
		try {
			Member m = members.get(slug, email);
			return m.status() == MembershipStatus.ACTIVE;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
