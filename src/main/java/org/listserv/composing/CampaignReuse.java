package org.listserv.composing;

import java.util.List;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;

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

	private final Languages languages;

	private final Texts texts;

	CampaignReuse(CampaignTemplates templates, CampaignService campaigns, Languages languages, Texts texts) {
		this.languages = languages;
		this.texts = texts;
		this.templates = templates;
		this.campaigns = campaigns;
	}

	List<CampaignTemplate> templates() {
		return templates.all();
	}

	CampaignTemplate template(long id) {
		return templates.find(id).orElseThrow(() -> noTemplate(id));
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
				throw noTemplate(id);
			}
		}
		catch (DuplicateKeyException ex) {
			throw taken(n);
		}
		return template(id);
	}

	void delete(long id) {
		if (!templates.delete(id)) {
			throw noTemplate(id);
		}
	}

	/** A new draft on the list from the template; a blank subject takes the template's. */
	Campaign startFrom(long templateId, String list, String subject, String user) {
		CampaignTemplate t = template(templateId);
		String s = subject == null || subject.isBlank() ? t.subject() : subject;
		return campaigns.create(new CampaignRequest(list, s, t.preheader(), t.body(), t.layout(), t.format().json(),
				null, null, null, null, null, null), user);
	}

	/**
	 * A new DRAFT with the campaign's content and sender, its subject "Copy of ..." (cut to fit) in the list's
	 * language, the language of the subject it copies.
	 */
	Campaign duplicate(long campaignId, String user) {
		Campaign c = staffCampaign(campaignId);
		String subject = texts.get(languages.of(campaigns.defaultLanguage(c)), "composing.reuse.copy-of", c.subject());
		return campaigns.create(new CampaignRequest(c.list(), subject.length() > 300 ? subject.substring(0, 300) : subject,
				c.preheader(), c.body(), c.layout(), c.format().json(), c.fromName(), c.fromAddress(), null,
				c.priority() == null ? null : c.priority().name(), null, null), user);
	}

	/** A campaign staff wrote; the rows that carry a member's post or a digest are not theirs to reuse. */
	private Campaign staffCampaign(long id) {
		Campaign c = campaigns.get(id);
		if (!campaigns.isStaffCampaign(id)) {
			throw CampaignService.noCampaign(id);
		}
		return c;
	}

	private static String name(String raw) {
		String n = raw == null ? "" : raw.strip();
		if (n.isEmpty()) {
			throw new InvalidInputException("name", new Text("composing.error.template-name-missing"));
		}
		if (n.length() > MAX_NAME || n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0) {
			throw new InvalidInputException("name", new Text("composing.error.template-name-long", MAX_NAME));
		}
		return n;
	}

	private static ConflictException taken(String name) {
		return new ConflictException(new Text("composing.error.template-taken", name));
	}

	private static NotFoundException noTemplate(long id) {
		return new NotFoundException(new Text("composing.error.no-template", String.valueOf(id)));
	}

}
