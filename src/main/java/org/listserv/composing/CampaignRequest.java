package org.listserv.composing;

import java.time.OffsetDateTime;

/**
 * What the API and the editor send to create or change a campaign; on a change, null means "keep".
 * {@code status} may be {@code DRAFT} (unschedule) or {@code SCHEDULED} (needs {@code scheduledAt}).
 */
record CampaignRequest(String list, String subject, String preheader, String body, String layout, String format,
		String fromName, String fromAddress, OffsetDateTime scheduledAt, String priority, OffsetDateTime expiresAt,
		String status) {
}
