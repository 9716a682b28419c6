package org.listserv.sending;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.listserv.mail.SmtpStage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries ledger as other capabilities see it: posting and digests queue their recipients here, and
 * bounce handling reads the failures the send job recorded and the delivery a VERP token names. Only
 * sending writes {@code deliveries}.
 */
@Service
public class DeliveryLedger {

	/** A delivery the recipient's server refused (status FAILED), not yet turned into a bounce event. */
	public record Failure(long deliveryId, long campaignId, long subscriberId, long listId, String address,
			String smtpReply, SmtpStage smtpStage, OffsetDateTime at) {
	}

	/** The delivery a VERP token names: its list, subscriber (with the current address) and campaign. */
	public record Addressee(long listId, long subscriberId, String email, long campaignId, long deliveryId) {
	}

	private final DeliverySnapshots snapshots;

	private final Deliveries deliveries;

	DeliveryLedger(DeliverySnapshots snapshots, Deliveries deliveries) {
		this.snapshots = snapshots;
		this.deliveries = deliveries;
	}

	/**
	 * Writes one QUEUED row per ACTIVE member of the list in one statement and returns how many rows it
	 * added. Idempotent per campaign.
	 */
	@Transactional
	public int snapshotActiveMembers(long listId, long campaignId) {
		return snapshots.active(listId, campaignId);
	}

	/** The same, each row naming the version (one of {@code versions}, else the default) its member gets. */
	@Transactional
	public int snapshotActiveMembers(long listId, long campaignId, java.util.List<String> versions) {
		return snapshots.active(listId, campaignId, versions);
	}

	/**
	 * How many recipients a campaign to this list would have if it were sent now: its ACTIVE members, the
	 * rows {@link #snapshotActiveMembers} would write.
	 */
	public long activeMembers(long listId) {
		return snapshots.countActive(listId);
	}

	/**
	 * The recipients of a member's post: one QUEUED delivery per ACTIVE member in REGULAR mode, without the
	 * author unless their membership asks for their own posts.
	 * @return how many were written
	 */
	public int snapshotPostRecipients(long listId, long campaignId, String author) {
		return snapshots.postRecipients(listId, campaignId, author);
	}

	/** The recipients of a digest: one QUEUED delivery per ACTIVE member in DIGEST mode. */
	public int snapshotDigestRecipients(long listId, long campaignId) {
		return snapshots.digestRecipients(listId, campaignId);
	}

	/** The ids of FAILED deliveries after {@code afterId} that bounce handling has not recorded, in id order. */
	public List<Long> unrecordedFailuresAfter(long afterId, int limit) {
		return deliveries.unrecordedFailuresAfter(afterId, limit);
	}

	/** Locks ({@code SKIP LOCKED}) and reads a failure still unrecorded. */
	public Optional<Failure> claimUnrecordedFailure(long deliveryId) {
		return deliveries.claimUnrecordedFailure(deliveryId);
	}

	/** Bounce handling has looked at this failure: it is not offered again. */
	public void failureRecorded(long deliveryId) {
		deliveries.markFailureRecorded(deliveryId);
	}

	/** The delivery with this VERP token (lower case), if any. */
	public Optional<Addressee> byVerpToken(String token) {
		return deliveries.byVerpToken(token);
	}

}
