package org.listserv.sending;

/** Where one recipient's copy of a campaign is. */
public enum DeliveryStatus {

	/** Written by the snapshot, not handed to SMTP yet. */
	QUEUED,
	/** The relay answered 2xx. */
	SENT,
	/** A 4xx or a lost connection: tried again at {@code next_attempt_at}. */
	DEFERRED,
	/** A 5xx (kept with the reply text), or deferred for longer than the give-up time. */
	FAILED,
	/** An action alert past its expiry: not sent. */
	EXPIRED

}
