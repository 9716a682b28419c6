package org.listserv.composing;

import org.listserv.shared.Text;
import org.listserv.shared.TextException;

/**
 * A template or body that does not compile: where (field, line and column, counting from 1) and what is
 * wrong, in the reader's language ({@code composing.syntax.*}; the template engine's own complaints stay as
 * it words them). The API answers 422 with these as properties; the editor shows the message.
 */
class TemplateSyntaxException extends TextException {

	private final String field;

	private final int line;

	private final int column;

	private final transient Text problem;

	/** @param field {@code body} or {@code layout} */
	TemplateSyntaxException(String field, int line, int column, Text problem) {
		super(new Text("composing.error.syntax." + ("layout".equals(field) ? "layout" : "body"), line, column, problem));
		this.field = field;
		this.line = line;
		this.column = column;
		this.problem = problem;
	}

	/** The template engine's own words for what is wrong. */
	static TemplateSyntaxException engine(String field, int line, int column, String problem) {
		return new TemplateSyntaxException(field, line, column, new Text("composing.syntax.engine", problem));
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

	Text problem() {
		return problem;
	}

}
