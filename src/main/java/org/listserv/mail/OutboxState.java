package org.listserv.mail;

/**
 * Where a notice in the outbox stands. PENDING: queued, not tried yet. RETRYING: an attempt failed for a
 * reason that may pass (no connection, a 4xx reply); it waits for its next attempt. SENT: the relay took it.
 * FAILED: given up (a 5xx reply, or still unsent after {@code listserv.mail.outbox.give-up-after}).
 */
public enum OutboxState {

	PENDING("queued"), RETRYING("retrying"), SENT("sent"), FAILED("failed");

	private final String label;

	OutboxState(String label) {
		this.label = label;
	}

	/** The word staff read for it. */
	public String label() {
		return label;
	}

}
