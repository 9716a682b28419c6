package org.listserv.sending;

import org.listserv.composing.Checklist;
import org.listserv.shared.Text;
import org.listserv.shared.TextException;

/** Sending refused because the checklist has errors (answered 422 with the checklist). */
public class CampaignNotReadyException extends TextException {

	private final transient Checklist checklist;

	CampaignNotReadyException(Checklist checklist) {
		super(new Text("sending.error.not-ready", checklist.errors()));
		this.checklist = checklist;
	}

	public Checklist checklist() {
		return checklist;
	}

}
