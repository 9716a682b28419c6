package org.listserv.composing;

import java.time.OffsetDateTime;

/**
 * A newsletter or action alert for one list, as stored and as the API shows it.
 *
 * @param list the list's slug
 * @param priority and {@code expiresAt}: ACTION lists only (null otherwise)
 */
public record Campaign(long id, long listId, String list, CampaignStatus status, String subject, String preheader,
		String body, CampaignFormat format, String layout, String fromName, String fromAddress,
		OffsetDateTime scheduledAt, CampaignPriority priority, OffsetDateTime expiresAt, String createdBy,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
