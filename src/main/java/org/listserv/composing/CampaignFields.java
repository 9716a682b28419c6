package org.listserv.composing;

import java.util.Map;

/**
 * The human names of the fields of a campaign and a template, as the editor labels them: used in the
 * messages of refused input (the API names the field in {@code field} as well) and to show an error beside
 * its field on the pages.
 */
final class CampaignFields {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("subject", "Subject"),
			Map.entry("preheader", "Preheader"), Map.entry("body", "Body"), Map.entry("layout", "Layout"),
			Map.entry("format", "Body format"), Map.entry("fromName", "From name"),
			Map.entry("fromAddress", "From address"), Map.entry("priority", "Priority"),
			Map.entry("expiresAt", "Do not send after"), Map.entry("scheduledAt", "Send at"),
			Map.entry("to", "Test addresses"), Map.entry("name", "Template name"), Map.entry("template", "Template"),
			Map.entry("list", "List"), Map.entry("status", "Status"));

	private CampaignFields() {
	}

	/** The label of a field, or the field's name if it has none. */
	static String label(String field) {
		return field == null ? "" : LABELS.getOrDefault(field, field);
	}

	/** Whether the editor form has an input for this field (else its error goes to the top of the page). */
	static boolean inForm(String field) {
		return field != null && Map.of("subject", 1, "preheader", 1, "body", 1, "layout", 1, "format", 1,
				"fromName", 1, "fromAddress", 1, "priority", 1, "expiresAt", 1).containsKey(field);
	}

}
