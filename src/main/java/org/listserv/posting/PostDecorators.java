package org.listserv.posting;

import java.util.List;
import java.util.Locale;

import org.listserv.mail.ListHeaders;
import org.listserv.mail.PersonalTokens;
import org.listserv.mail.PostMessage;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * The decorators of an accepted post, in this order: {@code personal-links} (a member replying to our mail
 * quotes their own unsubscribe and preference links: distributed, they would let every member act for
 * them), {@code subject-prefix}, {@code dmarc} (may rewrite From),
 * {@code reply-to} (needs to know whether From was rewritten), {@code list-headers}, {@code footer} (last: it
 * may wrap the body).
 */
@Component
class PostDecorators {

	static final List<String> ORDER = List.of("personal-links", "subject-prefix", "dmarc", "reply-to", "list-headers",
			"footer");

	/** Headers of the incoming message that are not passed on (trace, another list's, ours set again). */
	private static final List<String> DROPPED = List.of("Return-Path", "Delivered-To", "X-Original-To", "List-Id",
			"List-Post", "List-Help", "List-Subscribe", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Archive",
			"List-Owner", "Precedence", "X-BeenThere", "Errors-To", "Sender");

	private final List<Decorator> decorators;

	PostDecorators(DmarcPolicies dmarc, WebProperties web) {
		this.decorators = List.of(personalLinks(), subjectPrefix(), dmarc(dmarc), replyTo(), listHeaders(web),
				footer(web));
	}

	/** Decorates a copy of the post's bytes; returns the message to distribute. */
	byte[] decorate(PostContext post) {
		PostMessage message = PostMessage.parse(post.message().raw());
		for (Decorator d : decorators) {
			d.decorate(post, message);
		}
		return message.toBytes();
	}

	List<String> names() {
		return decorators.stream().map(Decorator::name).toList();
	}

	static Decorator decorator(String name, java.util.function.BiConsumer<PostContext, PostMessage> change) {
		return new Decorator() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void decorate(PostContext post, PostMessage message) {
				change.accept(post, message);
			}
		};
	}

	/**
	 * The tokens of our personal links ({@link PersonalTokens}) taken out of the subject and the readable
	 * text; a post that quotes none is passed on byte for byte.
	 */
	static Decorator personalLinks() {
		return decorator("personal-links", (post, m) -> {
			String subject = m.decodedHeader("Subject");
			String redacted = PersonalTokens.redact(subject);
			if (!redacted.equals(subject)) {
				m.setHeader("Subject", redacted);
			}
			m.rewriteText(PersonalTokens::redact);
		});
	}

	/** {@code [slug]} (or the list's prefix) before the subject, unless it is there already (a reply). */
	static Decorator subjectPrefix() {
		return decorator("subject-prefix", (post, m) -> {
			String prefix = post.settings().prefix(post.list().slug());
			String subject = m.decodedHeader("Subject");
			if (!prefix.isEmpty() && !subject.toLowerCase(Locale.ROOT).contains(prefix.toLowerCase(Locale.ROOT))) {
				m.setHeader("Subject", subject.isEmpty() ? prefix : prefix + " " + subject);
			}
		});
	}

	/**
	 * When the author's domain publishes {@code p=reject} or {@code p=quarantine}, mail from the list "from"
	 * them would fail DMARC: From becomes {@code "Name via List" <list address>} and the author goes to
	 * Reply-To (see {@link #replyTo}).
	 */
	static Decorator dmarc(DmarcPolicies dmarc) {
		return decorator("dmarc", (post, m) -> {
			m.removeHeader("X-Original-From");
			if (post.sender() != null && dmarc.policy(post.sender().domain()).strict()) {
				String name = post.message().fromName().isBlank() ? post.sender().value() : post.message().fromName();
				m.setHeader("X-Original-From", PostMessage.mailbox(post.message().fromName(), post.sender().value()));
				m.setHeader("From", PostMessage.mailbox(name + " via " + post.list().name(), post.listAddress()));
			}
		});
	}

	/**
	 * SENDER: replies go to From, so nothing changes (unless From was rewritten: then Reply-To is the author);
	 * LIST: Reply-To is the list (and the author too when From was rewritten).
	 */
	static Decorator replyTo() {
		return decorator("reply-to", (post, m) -> {
			boolean rewritten = !m.header("X-Original-From").isEmpty();
			String author = rewritten ? m.header("X-Original-From") : null;
			if ("LIST".equals(post.settings().replyTo())) {
				m.setHeader("Reply-To", author == null ? "<" + post.listAddress() + ">"
						: "<" + post.listAddress() + ">, " + author);
			}
			else if (author != null) {
				m.setHeader("Reply-To", author);
			}
		});
	}

	/** RFC 2369 and 2919 list headers, Precedence and X-BeenThere (loop detection); List-Unsubscribe is per member. */
	static Decorator listHeaders(WebProperties web) {
		return decorator("list-headers", (post, m) -> {
			DROPPED.forEach(m::removeHeader);
			String slug = post.list().slug();
			String domain = post.domain();
			m.prependHeader("X-BeenThere", post.listAddress());
			m.prependHeader("Precedence", "list");
			m.prependHeader("List-Archive", "<" + web.base() + "/archive/" + slug + ">");
			m.prependHeader("List-Subscribe", "<mailto:" + slug + "-subscribe@" + domain + ">");
			m.prependHeader("List-Help", "<mailto:" + slug + "-request@" + domain + "?subject=help>");
			m.prependHeader("List-Post", "<mailto:" + post.listAddress() + ">");
			m.prependHeader("List-Id", ListHeaders.listId(post.list().name(), slug, domain));
			m.prependHeader("Sender", slug + "-bounces@" + domain);
		});
	}

	/** The list's footer, or a short one naming the list, its address and the preference page. */
	static Decorator footer(WebProperties web) {
		return decorator("footer", (post, m) -> {
			String footer = post.list().footer();
			if (footer == null || footer.isBlank()) {
				footer = post.list().name() + " mailing list: " + post.listAddress() + "\nLeave or change delivery: "
						+ web.base() + "/preferences";
			}
			m.addFooter(footer);
		});
	}

}
