package org.listserv.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.re2j.Pattern;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Texts;


/**
 * What was wrong with a submitted form, field by field, in the words of the form's labels (never an internal
 * field name such as {@code fromAddress}), with the values as typed so the form shows them again. A page
 * renders an error beside its field with {@code fragments/layout :: field-error(errors, field)}, marks the
 * input with {@link #invalid} and {@link #describedBy}, and says at the top that something needs correcting
 * ({@link #summary}). Kept across a redirect as a flash attribute.
 */
public final class FormErrors implements Serializable {

	private static final long serialVersionUID = 1L;

	private final String form;

	private final Map<String, String> messages = new LinkedHashMap<>();

	private final Map<String, String> values = new LinkedHashMap<>();

	private final Map<String, String> labels;

	private FormErrors(String form, Map<String, String> labels) {
		this.form = form;
		this.labels = new LinkedHashMap<>(labels);
	}

	/**
	 * The error of {@code ex} on its field.
	 * @param form the form's id, so the ids of the error texts are unique on a page with several forms
	 * @param labels field name → the label people see ("fromAddress" → "From address"); a field not in it
	 *        is shown at the top only, under the label "this form"
	 * @param typed the values as submitted, shown again
	 */
	public static FormErrors of(String form, InvalidInputException ex, Map<String, String> labels,
			Map<String, String> typed) {
		FormErrors errors = new FormErrors(form, labels);
		typed.forEach((k, v) -> {
			if (v != null) {
				errors.values.put(k, v);
			}
		});
		errors.reject(ex.field(), texts().map(t -> t.of(ex)).orElseGet(ex::getMessage));
		return errors;
	}

	/** Adds an error on {@code field}; the field's name in the message becomes its label. */
	public FormErrors reject(String field, String message) {
		String label = labels.get(field);
		String shown = message;
		if (label != null && field != null && !field.isEmpty()) {
			shown = Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(message).replaceAll(
					label.toLowerCase(java.util.Locale.ROOT).replace("$", "\\$"));
		}
		messages.put(label != null ? field : "", shown);
		return this;
	}

	/** Whether {@code field} has an error. */
	public boolean has(String field) {
		return messages.containsKey(field);
	}

	/** The error of {@code field}, or null. */
	public String get(String field) {
		return messages.get(field);
	}

	/** The value typed into {@code field}, or null when it was not submitted. */
	public String value(String field) {
		return values.get(field);
	}

	/** {@code "true"} for an input with an error (its {@code aria-invalid}), else null (no attribute). */
	public String invalid(String field) {
		return has(field) ? "true" : null;
	}

	/** The id of the error text of {@code field} (its input's {@code aria-describedby}), or null. */
	public String describedBy(String field) {
		return has(field) ? id(field) : null;
	}

	/** {@link #describedBy} followed by the id of the field's help text, or that id alone. */
	public String describedBy(String field, String help) {
		return has(field) ? id(field) + " " + help : help;
	}

	/** The id of the error text of {@code field}. */
	public String id(String field) {
		return form + "-" + field + "-error";
	}

	/**
	 * The sentence at the top of the page: which fields need correcting, by their labels ("Please correct
	 * From address below."), or the error itself when it belongs to no field of the form.
	 */
	public String summary() {
		if (messages.containsKey("")) {
			return messages.get("");
		}
		String fields = String.join(", ", messages.keySet().stream().map(labels::get).toList());
		return texts().map(t -> t.get("web.form.correct", fields))
			.orElse("Please correct " + fields + " below; nothing was saved.");
	}

	private static java.util.Optional<Texts> texts() {
		return RequestTexts.find();
	}

	public String form() {
		return form;
	}

}
