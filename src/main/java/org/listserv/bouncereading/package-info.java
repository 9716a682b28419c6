/**
 * Bounce reading: takes a received message apart (through {@code mail/}'s {@code InboundMessage} and
 * {@code MessageParts}) and says what it reports about deliveries, with no database, no Spring and no state.
 * {@link org.listserv.bouncereading.BounceClassifier} is the entry point; its answer is a
 * {@link org.listserv.bouncereading.BounceReport} of {@link org.listserv.bouncereading.BouncedRecipient}s
 * (reason in sisimai's vocabulary, {@link org.listserv.bouncereading.Classification} hard, soft or none).
 * The reason phrases and status codes are data: {@code reason-patterns.tsv} and {@code status-codes.tsv} next
 * to the classes. The {@code bounces} capability scores, records and shows what this package reads.
 */
package org.listserv.bouncereading;
