package org.listserv.composing;

import java.util.Set;

import org.listserv.shared.Text;

/**
 * The human names of the fields of a campaign and a template, as the editor labels them
 * ({@code composing.label.FIELD}): used in the messages of refused input (the API names the field in
 * {@code field} as well) and to show an error beside its field on the pages.
 */
final class CampaignFields {

	private static final Set<String> LABELLED = Set.of("subject", "preheader", "body", "layout", "format", "fromName",
			"fromAddress", "priority", "expiresAt", "scheduledAt", "to", "name", "template", "list", "status");

	private static final Set<String> IN_FORM = Set.of("subject", "preheader", "body", "layout", "format", "fromName",
			"fromAddress", "priority", "expiresAt");

	private CampaignFields() {
	}

	/**
	 * The label of a field, resolved in the reader's language where it is shown; a version's field
	 * ({@code versions[0].subject}) has the label of the field. A field without a label is named as it is.
	 */
	static Object label(String field) {
		String f = field == null ? "" : field.startsWith("versions[") ? field.substring(field.indexOf('.') + 1) : field;
		return LABELLED.contains(f) ? new Text("composing.label." + f) : f;
	}

	/** Whether the editor form has an input for this field (else its error goes to the top of the page). */
	static boolean inForm(String field) {
		return field != null && IN_FORM.contains(field);
	}

}
