package org.listserv.sending;

import java.time.OffsetDateTime;

/** A row of the deliveries ledger, as the send step reads it. */
record Delivery(long id, long campaignId, long subscriberId, String address, String name, String attributes,
		String verpToken, int attempts, OffsetDateTime createdAt) {
}
