package org.listserv.web;

import org.listserv.shared.Text;
import org.listserv.shared.Texts;

import org.springframework.boot.jackson.JacksonComponent;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A {@link Text} in an API answer is written as what it says, in the language of the request being answered
 * ({@code Accept-Language}): a string, never its key and values. The field keeps its name, so an answer's
 * shape does not depend on the language (the checklist's {@code message}, for one).
 */
@JacksonComponent
class TextJsonSerializer extends ValueSerializer<Text> {

	private final Texts texts;

	TextJsonSerializer(Texts texts) {
		this.texts = texts;
	}

	@Override
	public void serialize(Text value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeString(texts.get(value));
	}

}
