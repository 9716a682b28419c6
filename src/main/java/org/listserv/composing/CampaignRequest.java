package org.listserv.composing;

import java.time.OffsetDateTime;

/**
 * What the API and the editor send to create or change a campaign; on a change, null means "keep".
 * {@code versions}: the campaign in other languages than its list's (null: keep; empty: none).
 * {@code status} may be {@code DRAFT} (unschedule) or {@code SCHEDULED} (needs {@code scheduledAt}).
 */
record CampaignRequest(String list, String subject, String preheader, String body, String layout, String format,
		String fromName, String fromAddress, OffsetDateTime scheduledAt, String priority, OffsetDateTime expiresAt,
		String status, java.util.List<CampaignVersion> versions) {

	CampaignRequest(String list, String subject, String preheader, String body, String layout, String format,
			String fromName, String fromAddress, OffsetDateTime scheduledAt, String priority, OffsetDateTime expiresAt,
			String status) {
		this(list, subject, preheader, body, layout, format, fromName, fromAddress, scheduledAt, priority, expiresAt,
				status, null);
	}
}
