package org.listserv.posting;

import java.util.Optional;

import org.listserv.composing.StoredMessages;

import org.springframework.stereotype.Component;

/** The decorated bytes of the post a POST campaign row distributes. */
@Component
class StoredPostMessages implements StoredMessages {

	private final Posts posts;

	StoredPostMessages(Posts posts) {
		this.posts = posts;
	}

	@Override
	public Optional<byte[]> message(long campaignId) {
		return posts.decoratedOfCampaign(campaignId);
	}

}
