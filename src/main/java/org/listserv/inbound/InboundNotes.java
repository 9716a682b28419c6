package org.listserv.inbound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For handlers whose work goes on after the message was handled (a held post decided days later): they
 * bring the stored message's note up to date, so the inbound page does not go on saying what was true
 * when it arrived.
 */
@Service
public class InboundNotes {

	private final InboundMessages messages;

	InboundNotes(InboundMessages messages) {
		this.messages = messages;
	}

	/** Replaces the note of a handled message; a message in another state (or none) is left as it is. */
	@Transactional
	public void update(long inboundMessageId, String note) {
		messages.updateNote(inboundMessageId, note);
	}

}
