package org.listserv.posting;

import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.listserv.shared.Text;
import org.listserv.shared.Texts;

import org.springframework.stereotype.Component;

/**
 * Why a post is held, in a moderator's language: the bundle text of the rule that held it (its verdict's
 * {@code key} and {@code args}), else, for a post held before verdicts carried one, the stored English
 * {@code hold_reason} as it is.
 */
@Component
class HoldReasons {

	private final JsonMapper json;

	private final Texts texts;

	HoldReasons(JsonMapper json, Texts texts) {
		this.json = json;
		this.texts = texts;
	}

	/** The reason of a held post in {@code language}; "" for a post that is not held. */
	String of(Post post, Locale language) {
		Text text = text(post);
		if (text != null) {
			return texts.get(language, text);
		}
		return post.holdReason() == null ? "" : post.holdReason();
	}

	/** Whether {@link #of} is in the reader's language (else it is the stored English). */
	boolean translated(Post post) {
		return text(post) != null;
	}

	/** The rule that held the post ({@code automated}, {@code policy}, ...); empty if it is not held. */
	java.util.Optional<String> rule(Post post) {
		return heldVerdict(post).map(v -> v.path("rule").asString(""));
	}

	/** Whether the post was held as a non-member's (where spam is held: its author is not told). */
	boolean heldAsNonMember(Post post) {
		Text text = text(post);
		return text != null && text.key().equals("posting.hold.not-member");
	}

	/** The bundle text of the verdict that held the post; null for one stored before verdicts carried one. */
	private Text text(Post post) {
		return heldVerdict(post).filter(v -> v.hasNonNull("key")).map(v -> {
			List<Object> args = new java.util.ArrayList<>();
			v.path("args").forEach(a -> args.add(a.asString("")));
			return new Text(v.get("key").asString(""), args.toArray());
		}).orElse(null);
	}

	/** The verdict that held the post (a HOLD decides, so it is the last); empty if it is not held or unreadable. */
	private java.util.Optional<JsonNode> heldVerdict(Post post) {
		if (post.holdReason() == null || post.verdicts() == null) {
			return java.util.Optional.empty();
		}
		try {
			JsonNode verdicts = json.readTree(post.verdicts());
			for (int i = verdicts.size() - 1; i >= 0; i--) {
				if ("HOLD".equals(verdicts.get(i).path("outcome").asString(""))) {
					return java.util.Optional.of(verdicts.get(i));
				}
			}
		}
		catch (JacksonException ex) {
			// a verdict list that does not parse: the stored reason is all there is
		}
		return java.util.Optional.empty();
	}

}
