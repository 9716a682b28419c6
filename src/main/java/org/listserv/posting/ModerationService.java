package org.listserv.posting;

import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.inbound.InboundNotes;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.InboundMessage;
import org.listserv.shared.ConflictException;
import org.listserv.shared.NotFoundException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on held posts, from the moderation page or a reply to {@code {slug}-confirm+{token}@}: approve
 * (optionally always accepting the sender), reject with a reason sent to the author, discard (optionally banning
 * the sender); and the expiry
 * of posts nobody decided on in {@code listserv.posting.hold-expiry}, with a notice to the author.
 */
@Service
class ModerationService {

	private static final Logger log = LoggerFactory.getLogger(ModerationService.class);

	/** What a moderator may do with a held post. */
	enum Action {

		APPROVE, ALWAYS, REJECT, DISCARD, BAN

	}

	private final Posts posts;

	private final ListService lists;

	private final PostingService posting;

	private final PostDistribution distribution;

	private final PostingSettings settings;

	private final PostingNotices notices;

	private final PostingProperties properties;

	private final InboundNotes inboundNotes;

	ModerationService(Posts posts, ListService lists, PostingService posting, PostDistribution distribution,
			PostingSettings settings, PostingNotices notices, PostingProperties properties, InboundNotes inboundNotes) {
		this.posts = posts;
		this.lists = lists;
		this.posting = posting;
		this.distribution = distribution;
		this.settings = settings;
		this.notices = notices;
		this.properties = properties;
		this.inboundNotes = inboundNotes;
	}

	List<Post> held(String slug) {
		return posts.held(lists.get(slug).id());
	}

	/**
	 * @throws NotFoundException if the post is not one of this list's
	 * @throws ConflictException if it is no longer held (someone decided first)
	 */
	@Transactional
	String decide(String slug, long postId, Action action, String reason, String by) {
		MailingList list = lists.get(slug);
		Post post = posts.find(postId).filter(p -> p.listId() == list.id())
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("posting.moderation.error.no-post", String.valueOf(postId), slug)));
		PostStatus to = switch (action) {
			case APPROVE, ALWAYS -> PostStatus.DISTRIBUTED;
			case REJECT -> PostStatus.REJECTED;
			case DISCARD, BAN -> PostStatus.DISCARDED;
		};
		if (!posts.decide(postId, to, by, reason)) {
			throw new ConflictException("Post " + postId + " is no longer held (it is " + post.status() + ")");
		}
		String result = switch (action) {
			case APPROVE, ALWAYS -> {
				if (action == Action.ALWAYS && !post.sender().isBlank()) {
					settings.setSender(list.id(), post.sender(), "ALLOWED", by);
				}
				int n = distribution.distribute(postId, posting.context(list, InboundMessage.parse(posts.raw(postId))));
				yield "approved; distributed to " + n + " members" + (action == Action.ALWAYS ? "; "
						+ post.sender() + " is always accepted from now on" : "");
			}
			case REJECT -> {
				notices.rejected(list, post, reason);
				yield "rejected; the author was told why";
			}
			case BAN -> {
				if (!post.sender().isBlank()) {
					settings.setSender(list.id(), post.sender(), "BANNED", by);
				}
				yield "discarded; " + post.sender() + " is banned from this list (their posts are dropped)";
			}
			default -> "discarded";
		};
		inboundNote(post, result, by);
		return result;
	}

	/**
	 * The note of the received message the post came from said "held for moderation": now it says what the
	 * moderator decided ("post 12 approved by kim@example.org; distributed to 40 members (held: ...)").
	 */
	private void inboundNote(Post post, String result, String by) {
		posts.inboundMessage(post.id()).ifPresent(message -> {
			int semicolon = result.indexOf(';');
			String verb = semicolon < 0 ? result : result.substring(0, semicolon);
			String rest = semicolon < 0 ? "" : result.substring(semicolon);
			inboundNotes.update(message, "post " + post.id() + " " + verb + " by " + by + rest
					+ (post.holdReason() == null ? "" : " (had been held: " + post.holdReason() + ")"));
		});
	}

	/** Expires held posts older than {@code hold-expiry} and tells their authors. */
	@Scheduled(fixedDelayString = "${listserv.posting.expiry-interval:1h}", initialDelayString = "${listserv.posting.expiry-interval:1h}")
	@Transactional
	public int expireHeld() {
		int n = 0;
		for (long id : posts.heldBefore(OffsetDateTime.now().minus(properties.holdExpiry()))) {
			if (posts.decide(id, PostStatus.EXPIRED, "expiry", "not decided within " + properties.holdExpiry())) {
				Post post = posts.find(id).orElseThrow();
				lists.findById(post.listId()).ifPresent(list -> notices.expired(list, post));
				posts.inboundMessage(id).ifPresent(message -> inboundNotes.update(message, "post " + id
						+ " expired: nobody decided within " + properties.holdExpiry() + " (had been held: "
						+ post.holdReason() + ")"));
				n++;
			}
		}
		if (n > 0) {
			log.info("{} held posts expired", n);
		}
		return n;
	}

}
