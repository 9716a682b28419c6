package org.listserv.composing;

import java.util.List;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Reusing what staff wrote: save a campaign as a template, start a campaign from a template, duplicate a
 * campaign (in any state) as a new draft. Templates keep the subject, preheader, body, format and layout; a
 * copy keeps the sender and the priority too, but no schedule or expiry.
 */
@Service
class CampaignReuse {

	static final int MAX_NAME = 200;

	private final CampaignTemplates templates;

	private final CampaignService campaigns;

	CampaignReuse(CampaignTemplates templates, CampaignService campaigns) {
		this.templates = templates;
		this.campaigns = campaigns;
	}

	List<CampaignTemplate> templates() {
		return templates.all();
	}

	CampaignTemplate template(long id) {
		return templates.find(id).orElseThrow(() -> new NotFoundException("No template with the id " + id));
	}

	/** @throws ConflictException if another template has this name */
	CampaignTemplate saveAsTemplate(long campaignId, String name, String user) {
		String n = name(name);
		Campaign c = staffCampaign(campaignId);
		long id = templates.insert(n, c, user).orElseThrow(() -> taken(n));
		return template(id);
	}

	CampaignTemplate rename(long id, String name) {
		String n = name(name);
		try {
			if (!templates.rename(id, n)) {
				throw new NotFoundException("No template with the id " + id);
			}
		}
		catch (DuplicateKeyException ex) {
			throw taken(n);
		}
		return template(id);
	}

	void delete(long id) {
		if (!templates.delete(id)) {
			throw new NotFoundException("No template with the id " + id);
		}
	}

	/** A new draft on the list from the template; a blank subject takes the template's. */
	Campaign startFrom(long templateId, String list, String subject, String user) {
		CampaignTemplate t = template(templateId);
		String s = subject == null || subject.isBlank() ? t.subject() : subject;
		return campaigns.create(new CampaignRequest(list, s, t.preheader(), t.body(), t.layout(), t.format().json(),
				null, null, null, null, null, null), user);
	}

	/** A new DRAFT with the campaign's content and sender, its subject "Copy of ..." (cut to fit). */
	Campaign duplicate(long campaignId, String user) {
		Campaign c = staffCampaign(campaignId);
		String subject = "Copy of " + c.subject();
		return campaigns.create(new CampaignRequest(c.list(), subject.length() > 300 ? subject.substring(0, 300) : subject,
				c.preheader(), c.body(), c.layout(), c.format().json(), c.fromName(), c.fromAddress(), null,
				c.priority() == null ? null : c.priority().name(), null, null), user);
	}

	/** A campaign staff wrote; the rows that carry a member's post or a digest are not theirs to reuse. */
	private Campaign staffCampaign(long id) {
		Campaign c = campaigns.get(id);
		if (!campaigns.isStaffCampaign(id)) {
			throw new NotFoundException("No campaign with the id " + id);
		}
		return c;
	}

	private static String name(String raw) {
		String n = raw == null ? "" : raw.strip();
		if (n.isEmpty()) {
			throw new InvalidInputException("name", "Give the template a name");
		}
		if (n.length() > MAX_NAME || n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0) {
			throw new InvalidInputException("name", "The template name must be one line of at most " + MAX_NAME
					+ " characters");
		}
		return n;
	}

	private static ConflictException taken(String name) {
		return new ConflictException("There is already a template named '" + name + "'");
	}

}
