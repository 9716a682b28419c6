package org.listserv.composing;

/**
 * A campaign's text in one more language than its list's default: what a member who reads that language
 * receives. The campaign's own subject, preheader and body are the default language's version.
 *
 * @param language a BCP 47 tag of an offered language, e.g. {@code es}
 * @param preheader may be null or empty
 */
public record CampaignVersion(String language, String subject, String preheader, String body) {

	/** The campaign as a member reading this version gets it: its subject, preheader and body in place. */
	Campaign applyTo(Campaign c) {
		return new Campaign(c.id(), c.listId(), c.list(), c.status(), subject, preheader == null ? "" : preheader,
				body, c.format(), c.layout(), c.fromName(), c.fromAddress(), c.scheduledAt(), c.priority(),
				c.expiresAt(), c.createdBy(), c.createdAt(), c.updatedAt());
	}

}
