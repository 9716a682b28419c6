package org.listserv.composing;

import org.listserv.web.Times;

/** The editor's form: strings as typed; times are {@code datetime-local} values in the viewer's zone. */
record CampaignForm(String subject, String preheader, String body, String layout, String format, String fromName,
		String fromAddress, String priority, String expiresAt) {

	static CampaignForm of(Campaign c, Times times) {
		return new CampaignForm(c.subject(), c.preheader(), c.body(), c.layout(), c.format().json(), c.fromName(),
				c.fromAddress(), c.priority() == null ? "" : c.priority().name(), times.input(c.expiresAt()));
	}

	/** @param expiresLabel the label of the expiry field, as the reader reads it (for its error) */
	CampaignRequest toRequest(String list, boolean actionList, Times times, String expiresLabel) {
		return new CampaignRequest(list, subject == null ? "" : subject, preheader == null ? "" : preheader,
				body == null ? "" : body, layout, format, fromName == null ? "" : fromName, fromAddress,
				null, actionList ? priority : null,
				actionList ? times.parse("expiresAt", expiresLabel, expiresAt) : null, null);
	}

}
