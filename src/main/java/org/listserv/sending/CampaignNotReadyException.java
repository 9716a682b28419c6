package org.listserv.sending;

import org.listserv.composing.Checklist;

/** Sending refused because the checklist has errors (answered 422 with the checklist). */
public class CampaignNotReadyException extends RuntimeException {

	private final transient Checklist checklist;

	CampaignNotReadyException(Checklist checklist) {
		super("The campaign cannot be sent: the checklist has " + checklist.errors() + " error(s)");
		this.checklist = checklist;
	}

	public Checklist checklist() {
		return checklist;
	}

}
