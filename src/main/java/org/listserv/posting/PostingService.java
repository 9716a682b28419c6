package org.listserv.posting;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.codec.binary.Base32;
import tools.jackson.databind.json.JsonMapper;

import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.MailProperties;
import org.listserv.shared.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message to {@code {slug}@}: the rules decide ({@link PostingRules}), every verdict is stored with the
 * post, then it is distributed, held (moderators notified), refused, or answered as a command.
 */
@Service
class PostingService {

	private static final com.google.re2j.Pattern MESSAGE_ID = com.google.re2j.Pattern.compile("<[^<>\\s]+>");

	/**
	 * What became of one received message.
	 * @param again whether it had been processed before (a second run after a crash): nothing was done now
	 */
	record Received(long postId, PostStatus status, String note, boolean again) {

		Received(long postId, PostStatus status, String note) {
			this(postId, status, note, false);
		}

	}

	private static final SecureRandom random = new SecureRandom();

	private final PostingRules rules;

	private final PostingSettings settings;

	private final Posts posts;

	private final PostDistribution distribution;

	private final PostingNotices notices;

	private final MailProperties mail;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	PostingService(PostingRules rules, PostingSettings settings, Posts posts, PostDistribution distribution,
			PostingNotices notices, MailProperties mail, JsonMapper json, TransactionTemplate tx) {
		this.rules = rules;
		this.settings = settings;
		this.posts = posts;
		this.distribution = distribution;
		this.notices = notices;
		this.mail = mail;
		this.json = json;
		this.tx = tx;
	}

	PostContext context(MailingList list, InboundMessage message) {
		EmailAddress sender = message.from().orElse(null);
		return new PostContext(list, settings.of(list.id()), message, sender, list.slug() + "@" + mail.domain(),
				mail.domain());
	}

	/**
	 * Runs the rules and acts on their decision, once per message (a second run finds the first).
	 * @param inboundMessageId the stored message it came from, or null
	 */
	Received receive(MailingList list, InboundMessage message, Long inboundMessageId) {
		return tx.execute(status -> {
			String sha = Sha256.hex(message.raw());
			Optional<Long> seen = posts.findByHash(list.id(), sha);
			if (seen.isPresent()) {
				Post p = posts.find(seen.get()).orElseThrow();
				return new Received(p.id(), p.status(), "already processed as post " + p.id(), true);
			}
			PostContext post = context(list, message);
			List<Verdict> verdicts = rules.run(post);
			Verdict decision = verdicts.get(verdicts.size() - 1);
			PostStatus state = switch (decision.outcome()) {
				case ACCEPT, PASS -> PostStatus.DISTRIBUTED;
				case HOLD -> PostStatus.HELD;
				case REFUSE -> PostStatus.REFUSED;
				case COMMAND -> PostStatus.COMMAND;
			};
			String token = state == PostStatus.HELD ? token() : null;
			long id = posts.insert(new Posts.NewPost(list.id(), sha, state == PostStatus.DISTRIBUTED ? PostStatus.HELD : state,
					post.senderValue(), message.fromName(), message.subject(), message.messageId(),
					message.firstHeader("In-Reply-To"), threadRoot(list.id(), message), message.textBody(),
					json.writeValueAsString(verdicts), state == PostStatus.HELD ? decision.reason() : null,
					message.raw(), token == null ? null : Sha256.hex(token.getBytes(StandardCharsets.US_ASCII)),
					list.language()));
			if (inboundMessageId != null) {
				posts.setInboundMessage(id, inboundMessageId);
			}
			String why = decision.rule() + ": " + decision.reason();
			return switch (state) {
				case DISTRIBUTED -> {
					int n = distribution.distribute(id, post);
					yield new Received(id, state, "post " + id + " distributed to " + n + " members (" + why + ")");
				}
				case HELD -> {
					notices.held(list, posts.find(id).orElseThrow(), token);
					yield new Received(id, state, "post " + id + " held for moderation (" + why + ")");
				}
				default -> new Received(id, state, "post " + id + " " + state.name().toLowerCase(Locale.ROOT) + " (" + why
						+ ")");
			};
		});
	}

	/** The thread of a reply: In-Reply-To, then References from the newest. */
	private Long threadRoot(long listId, InboundMessage message) {
		List<String> ids = new ArrayList<>();
		ids.addAll(messageIds(message.firstHeader("In-Reply-To")));
		List<String> refs = messageIds(message.firstHeader("References"));
		for (int i = refs.size() - 1; i >= 0; i--) {
			ids.add(refs.get(i));
		}
		return ids.isEmpty() ? null : posts.threadRoot(listId, ids).orElse(null);
	}

	static List<String> messageIds(String header) {
		List<String> ids = new ArrayList<>();
		com.google.re2j.Matcher m = MESSAGE_ID.matcher(header == null ? "" : header);
		while (m.find()) {
			ids.add(m.group());
		}
		return ids;
	}

	/** 160 random bits in lower-case base32: survives in the {@code {slug}-confirm+{token}@} address. */
	static String token() {
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		return new Base32().encodeAsString(bytes).toLowerCase(Locale.ROOT).replace("=", "");
	}


}
