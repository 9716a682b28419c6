package org.listserv.bounces;

/**
 * The membership a bounce is about.
 *
 * @param campaignId the campaign whose delivery bounced, when the VERP token named it
 * @param deliveryId the delivery that bounced, when known
 */
record Attribution(long listId, long subscriberId, String email, Long campaignId, Long deliveryId) {
}
