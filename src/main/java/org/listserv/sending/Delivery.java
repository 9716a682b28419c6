package org.listserv.sending;

import java.time.OffsetDateTime;

/**
 * A row of the deliveries ledger, as the send step reads it.
 * @param language the version the member gets (null: the campaign's own, in its list's default language)
 */
record Delivery(long id, long campaignId, long subscriberId, String address, String name, String attributes,
		String verpToken, int attempts, OffsetDateTime createdAt, String language) {

	Delivery(long id, long campaignId, long subscriberId, String address, String name, String attributes,
			String verpToken, int attempts, OffsetDateTime createdAt) {
		this(id, campaignId, subscriberId, address, name, attributes, verpToken, attempts, createdAt, null);
	}

}
