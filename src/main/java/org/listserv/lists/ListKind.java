package org.listserv.lists;

/**
 * What a list is for; it sets the defaults of a new list. ACTION: urgent action alerts, may be a
 * discussion listserv (posts moderated by default). INFORMATIONAL: a periodic newsletter (announce-only).
 */
public enum ListKind {

	ACTION(PostingPolicy.MODERATED), INFORMATIONAL(PostingPolicy.ANNOUNCE);

	private final PostingPolicy defaultPostingPolicy;

	ListKind(PostingPolicy defaultPostingPolicy) {
		this.defaultPostingPolicy = defaultPostingPolicy;
	}

	public PostingPolicy defaultPostingPolicy() {
		return defaultPostingPolicy;
	}

	public SubscriptionPolicy defaultSubscriptionPolicy() {
		return SubscriptionPolicy.CONFIRM;
	}

}
