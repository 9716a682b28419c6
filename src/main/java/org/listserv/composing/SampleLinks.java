package org.listserv.composing;

import org.listserv.lists.MailingList;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Component;

/**
 * The links of every message that is not the real send to a member: inert pages on our own site
 * ({@code /preview-link/unsubscribe/{slug}}, {@code /preview-link/preferences/{slug}}) that say what the
 * real link would do. They name no one, so whoever reads a preview or a test message can act as nobody.
 */
@Component
final class SampleLinks implements MemberLinks {

	static final String PATH = "/preview-link";

	private final WebProperties web;

	SampleLinks(WebProperties web) {
		this.web = web;
	}

	/** The same inert pair for everyone: {@code subscriberId} is not used. */
	@Override
	public Links of(MailingList list, long subscriberId) {
		String base = web.base() + PATH;
		return new Links(base + "/unsubscribe/" + list.slug(), base + "/preferences/" + list.slug());
	}

}
