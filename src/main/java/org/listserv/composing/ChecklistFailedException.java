package org.listserv.composing;

/** Scheduling refused: the checklist has errors (answered 422 with the checklist). */
class ChecklistFailedException extends RuntimeException {

	private final Checklist checklist;

	ChecklistFailedException(Checklist checklist) {
		super("The campaign cannot be scheduled: the checklist has " + checklist.errors() + " error(s)");
		this.checklist = checklist;
	}

	Checklist checklist() {
		return checklist;
	}

}
