package org.listserv.posting;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.listserv.lists.ListKind;
import org.listserv.lists.MailingList;
import org.listserv.lists.PostingPolicy;
import org.listserv.lists.SubscriptionPolicy;
import org.listserv.mail.InboundMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PostingRulesTests {

	static MailingList list(PostingPolicy policy) {
		return new MailingList(7, "peace", "Peace Network", "", ListKind.ACTION, SubscriptionPolicy.CONFIRM, policy, "",
				"", "", "", true, "", false, null, "friend", "en", OffsetDateTime.now(), OffsetDateTime.now());
	}

	static PostContext context(MailingList list, PostSettings settings, String raw) {
		InboundMessage m = InboundMessage.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
		return new PostContext(list, settings, m, m.from().orElse(null), list.slug() + "@lists.example.org",
				"lists.example.org");
	}

	static String raw(String subject, String body, String... headers) {
		return "From: Ann <ann@example.net>\nTo: peace@lists.example.org\nSubject: " + subject + "\n"
				+ String.join("\n", headers) + (headers.length > 0 ? "\n" : "") + "\n" + body + "\n";
	}

	PostingSettings settings = mock(PostingSettings.class);

	PostingRules rules(PostingSettings s) {
		when(s.senderKind(anyLong(), anyString())).thenReturn(Optional.empty());
		return new PostingRules(s, null, null);
	}

	private static List<String> names(List<Verdict> verdicts) {
		return verdicts.stream().map(v -> v.rule() + ":" + v.outcome()).toList();
	}

	@Test
	void rulesRunInTheirDocumentedOrder() {
		assertThat(rules(settings).names()).isEqualTo(PostingRules.ORDER)
			.containsExactly("loop", "automated", "administrivia", "size", "banned", "recipients", "emergency",
					"policy");
	}

	@Test
	void openListAcceptsAfterEveryRulePassed() {
		List<Verdict> v = rules(settings).run(context(list(PostingPolicy.OPEN), PostSettings.DEFAULTS, raw("Hi", "Hello")));
		assertThat(names(v)).containsExactly("loop:PASS", "automated:PASS", "administrivia:PASS", "size:PASS",
				"banned:PASS", "recipients:PASS", "emergency:PASS", "policy:ACCEPT");
	}

	@Test
	void ourOwnListIdIsALoopAndStopsAtTheFirstRule() {
		List<Verdict> v = rules(settings).run(context(list(PostingPolicy.OPEN), PostSettings.DEFAULTS,
				raw("Hi", "Hello", "List-Id: \"Peace\" <peace.lists.example.org>")));
		assertThat(names(v)).containsExactly("loop:REFUSE");
	}

	@Test
	void anotherListsMailIsNotALoopButIsHeldAsAutomated() {
		List<Verdict> v = rules(settings).run(context(list(PostingPolicy.OPEN), PostSettings.DEFAULTS,
				raw("Hi", "Hello", "List-Id: <other.example.com>")));
		assertThat(names(v)).containsExactly("loop:PASS", "automated:HOLD");
	}

	@Test
	void anAutoReplyIsHeld() {
		assertThat(names(rules(settings).run(context(list(PostingPolicy.OPEN), PostSettings.DEFAULTS,
				raw("Out of office", "Back Monday", "Auto-Submitted: auto-replied"))))).endsWith("automated:HOLD");
	}

	@Test
	void subscribeInTheBodyOfAShortMessageIsACommandButNotInALongOne() {
		assertThat(names(rules(settings).run(context(list(PostingPolicy.OPEN), PostSettings.DEFAULTS,
				raw("Please", "unsubscribe\nthanks"))))).containsExactly("loop:PASS", "automated:PASS",
						"administrivia:COMMAND");
		assertThat(rules(settings).run(context(list(PostingPolicy.OPEN), PostSettings.DEFAULTS,
				raw("Long", "a\nb\nc\nd\ne\nf\nsubscribe"))).get(2).outcome()).isEqualTo(Verdict.Outcome.PASS);
	}

	@Test
	void tooLargeTooManyRecipientsAndEmergencyAreHeld() {
		PostSettings small = new PostSettings(null, "SENDER", 50, 10, false, "PUBLIC", "DAILY");
		assertThat(names(rules(settings).run(context(list(PostingPolicy.OPEN), small, raw("Hi", "x".repeat(100))))))
			.endsWith("size:HOLD");
		PostSettings two = new PostSettings(null, "SENDER", 100_000, 2, false, "PUBLIC", "DAILY");
		assertThat(names(rules(settings).run(context(list(PostingPolicy.OPEN), two, raw("Hi", "x",
				"Cc: a@example.net, b@example.net"))))).endsWith("recipients:HOLD");
		PostSettings emergency = new PostSettings(null, "SENDER", 100_000, 10, true, "PUBLIC", "DAILY");
		assertThat(names(rules(settings).run(context(list(PostingPolicy.OPEN), emergency, raw("Hi", "x")))))
			.endsWith("emergency:HOLD");
	}

	@Test
	void bannedSenderIsRefusedAndAllowedSenderPassesAModeratedList() {
		PostingSettings s = mock(PostingSettings.class);
		when(s.senderKind(anyLong(), anyString())).thenReturn(Optional.of("BANNED"));
		assertThat(names(new PostingRules(s, null, null).run(context(list(PostingPolicy.OPEN), PostSettings.DEFAULTS,
				raw("Hi", "x"))))).endsWith("banned:REFUSE");
		PostingSettings allowed = mock(PostingSettings.class);
		when(allowed.senderKind(anyLong(), anyString())).thenReturn(Optional.of("ALLOWED"));
		assertThat(names(new PostingRules(allowed, null, null).run(context(list(PostingPolicy.MODERATED),
				PostSettings.DEFAULTS, raw("Hi", "x"))))).endsWith("policy:ACCEPT");
		assertThat(names(rules(settings).run(context(list(PostingPolicy.MODERATED), PostSettings.DEFAULTS,
				raw("Hi", "x"))))).endsWith("policy:HOLD");
	}

}
