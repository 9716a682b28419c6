package org.listserv.inbound;

/**
 * Where a received message stands. RECEIVED: stored, not processed yet (processing resumes after a
 * restart). HANDLED: done. HELD: waits for a person (an admin, a moderator). FAILED: could not be
 * processed; the error is kept and admins see it.
 */
public enum InboundState {

	RECEIVED, HANDLED, HELD, FAILED

}
