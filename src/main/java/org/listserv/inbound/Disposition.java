package org.listserv.inbound;

/**
 * What a handler made of a message: its final state and a short note (why it is held or failed).
 */
public record Disposition(InboundState state, String note) {

	public static Disposition handled(String note) {
		return new Disposition(InboundState.HANDLED, note);
	}

	public static Disposition held(String reason) {
		return new Disposition(InboundState.HELD, reason);
	}

	public static Disposition failed(String error) {
		return new Disposition(InboundState.FAILED, error);
	}

}
