package org.listserv.composing;

/**
 * A template or body that does not compile: where (field, line and column, counting from 1) and what is
 * wrong. The API answers 422 with these as properties; the editor shows the message.
 */
class TemplateSyntaxException extends RuntimeException {

	private final String field;

	private final int line;

	private final int column;

	private final String problem;

	TemplateSyntaxException(String field, int line, int column, String problem) {
		super("The " + field + " does not compile: line " + line + ", column " + column + ": " + problem);
		this.field = field;
		this.line = line;
		this.column = column;
		this.problem = problem;
	}

	String field() {
		return field;
	}

	int line() {
		return line;
	}

	int column() {
		return column;
	}

	String problem() {
		return problem;
	}

}
