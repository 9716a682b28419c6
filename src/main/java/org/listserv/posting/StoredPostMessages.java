package org.listserv.posting;

import java.util.Optional;

import org.listserv.composing.StoredMessages;

import org.springframework.stereotype.Component;

/** The decorated bytes of the post a POST campaign row distributes, or the digest of a DIGEST row. */
@Component
class StoredPostMessages implements StoredMessages {

	private final Posts posts;

	private final Digests digests;

	StoredPostMessages(Posts posts, Digests digests) {
		this.posts = posts;
		this.digests = digests;
	}

	@Override
	public Optional<byte[]> message(long campaignId) {
		return posts.decoratedOfCampaign(campaignId).or(() -> digests.messageOfCampaign(campaignId));
	}

}
