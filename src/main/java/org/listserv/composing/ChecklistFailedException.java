package org.listserv.composing;

import org.listserv.shared.Text;
import org.listserv.shared.TextException;

/** Scheduling refused: the checklist has errors (answered 422 with the checklist). */
class ChecklistFailedException extends TextException {

	private final transient Checklist checklist;

	ChecklistFailedException(Checklist checklist) {
		super(new Text("composing.error.checklist-failed", checklist.errors()));
		this.checklist = checklist;
	}

	Checklist checklist() {
		return checklist;
	}

}
