package org.listserv.composing;

import java.time.OffsetDateTime;

/**
 * A campaign saved for reuse: its subject, preheader, body, format and layout, not tied to a list (a
 * campaign started from it gets its sender from its own list).
 */
public record CampaignTemplate(long id, String name, String subject, String preheader, String body,
		CampaignFormat format, String layout, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
