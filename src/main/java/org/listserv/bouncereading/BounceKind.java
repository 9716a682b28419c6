package org.listserv.bouncereading;

/** What sort of message a bounce report was read from. */
public enum BounceKind {

	/** An RFC 3464 delivery status notification ({@code multipart/report; report-type=delivery-status}). */
	DSN,
	/** A non-delivery report in an MTA's or provider's own text format. */
	NON_STANDARD,
	/** An RFC 5965 (ARF) feedback report: a complaint. */
	COMPLAINT,
	/** An auto-reply (RFC 3834, vacation, out of office). */
	AUTO_REPLY,
	/** Anything else. */
	NOT_A_BOUNCE

}
