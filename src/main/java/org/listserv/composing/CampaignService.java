package org.listserv.composing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.listserv.lists.ListKind;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.ConflictException;
import org.listserv.shared.Languages;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: create, change (while DRAFT or SCHEDULED), schedule, delete. A campaign is saved only if its
 * body and layout compile; it is scheduled only if the checklist has no errors.
 */
@Service
public class CampaignService {

	private final Campaigns campaigns;

	private final ListService lists;

	private final CampaignMessages messages;

	private final CampaignPreviews previews;

	private final String baseUrl;

	private final Languages languages;

	CampaignService(Campaigns campaigns, ListService lists, CampaignMessages messages, CampaignPreviews previews,
			WebProperties web, Languages languages) {
		this.languages = languages;
		this.campaigns = campaigns;
		this.lists = lists;
		this.messages = messages;
		this.previews = previews;
		this.baseUrl = web.base() + "/";
	}

	public Campaign get(long id) {
		return campaigns.find(id).orElseThrow(() -> noCampaign(id));
	}

	static NotFoundException noCampaign(long id) {
		return new NotFoundException(new Text("composing.error.no-campaign", String.valueOf(id)));
	}

	public List<Campaign> search(String listSlug, String status) {
		Long listId = listSlug == null || listSlug.isBlank() ? null : lists.get(listSlug).id();
		return campaigns.search(listId, status == null || status.isBlank() ? null : status(status));
	}

	/**
	 * A SENDING row for a message written elsewhere (a member's post, a digest), sent by the send job
	 * from {@link StoredMessages}; not listed among staff campaigns.
	 * @param source {@link CampaignSource#POST} or {@link CampaignSource#DIGEST}
	 */
	public long createStored(long listId, CampaignSource source, String subject, String fromName, String fromAddress,
			String createdBy) {
		return campaigns.insertStored(listId, source, subject.length() > 300 ? subject.substring(0, 300) : subject,
				fromName, fromAddress, createdBy);
	}

	/** Sent staff campaigns of a list that match a web-search query (the list archive's search). */
	public List<SentMatch> searchSent(long listId, String query) {
		return campaigns.searchSent(listId, query);
	}

	/** Staff campaigns, in any state, whose body contains {@code text} (a link, an image's URL path), newest first. */
	public List<Campaign> containing(String text) {
		return campaigns.containing(text);
	}

	/** Whether this row is a staff campaign (not a post or digest). */
	public boolean isStaffCampaign(long id) {
		return campaigns.source(id) == CampaignSource.CAMPAIGN;
	}

	@Transactional
	public Campaign create(CampaignRequest r, String user) {
		if (r.list() == null || r.list().isBlank()) {
			throw new InvalidInputException("list", new Text("composing.error.list-required"));
		}
		MailingList list = lists.get(r.list());
		CampaignFormat parsed = r.format() == null ? null : CampaignFormat.parse(r.format());
		CampaignFormat format = parsed == null ? CampaignFormat.MARKDOWN : parsed;
		Campaign draft = new Campaign(0, list.id(), list.slug(), CampaignStatus.DRAFT, text("subject", r.subject(), 300),
				text("preheader", r.preheader(), 300), clean(r.body(), format), format,
				r.layout() == null || r.layout().isBlank() ? messages.defaultLayout(list) : r.layout(),
				r.fromName() == null || r.fromName().isBlank() ? nullToEmpty(list.fromName()) : text("fromName", r.fromName(), 200),
				r.fromAddress() == null || r.fromAddress().isBlank() ? messages.defaultFromAddress(list)
						: CampaignRules.address(r.fromAddress()),
				null, null, null, user, null, null);
		Campaign c = CampaignRules.apply(draft, list, r, true);
		List<CampaignVersion> versions = versions(r.versions() == null ? List.of() : r.versions(), list, format);
		validate(c, versions, list);
		long id = campaigns.insert(c);
		campaigns.replaceVersions(id, versions);
		return get(id);
	}

	/** The campaign's versions in languages other than its list's default (the campaign's own texts). */
	public List<CampaignVersion> versions(long id) {
		return campaigns.versions(id);
	}

	/** The languages of the campaign's other versions (what the send's snapshot chooses among). */
	public List<String> versionLanguages(long id) {
		return campaigns.versions(id).stream().map(CampaignVersion::language).toList();
	}

	/** The offered languages the campaign may still get a version in (not its list's, not one it has). */
	public List<Locale> languagesWithoutVersion(Campaign c) {
		String own = languages.of(defaultLanguage(c)).toLanguageTag();
		List<String> have = versionLanguages(c.id());
		return languages.supported().stream()
			.filter(l -> !l.toLanguageTag().equals(own) && !have.contains(l.toLanguageTag()))
			.toList();
	}

	/** The language of the campaign's own texts: its list's default language. */
	public String defaultLanguage(Campaign c) {
		return lists.findById(c.listId()).map(MailingList::language).orElse(languages.fallback().toLanguageTag());
	}

	/** Each version compiles (and, when scheduled, passes the checklist) like the campaign itself. */
	private void validate(Campaign c, List<CampaignVersion> versions, MailingList list) {
		previews.validate(c, list);
		for (CampaignVersion v : versions) {
			previews.validate(v.applyTo(c), list);
		}
	}

	/**
	 * The versions of a request, checked and cleaned: an offered language other than the list's, at most one
	 * per language, the subject and preheader one line each, the body sanitised like the campaign's.
	 */
	List<CampaignVersion> versions(List<CampaignVersion> raw, MailingList list, CampaignFormat format) {
		List<CampaignVersion> clean = new java.util.ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (int i = 0; i < raw.size(); i++) {
			CampaignVersion v = raw.get(i);
			String field = "versions[" + i + "].language";
			if (v == null || v.language() == null || v.language().isBlank()) {
				throw new InvalidInputException(field, new Text("composing.error.version-language-missing"));
			}
			String tag = languages.parse(field, v.language()).orElseThrow();
			if (tag.equals(languages.of(list.language()).toLanguageTag())) {
				throw new InvalidInputException(field,
						new Text("composing.error.version-default", tag, Languages.named(languages.of(tag))));
			}
			if (!seen.add(tag)) {
				throw new InvalidInputException(field, new Text("composing.error.version-twice", tag));
			}
			clean.add(new CampaignVersion(tag, text("versions[" + i + "].subject", v.subject(), 300),
					text("versions[" + i + "].preheader", v.preheader(), 300), clean(v.body(), format)));
		}
		return clean;
	}

	@Transactional
	public Campaign update(long id, CampaignRequest r) {
		Campaign current = get(id);
		if (!current.status().editable()) {
			throw new ConflictException(new Text("composing.error.not-editable", status(current.status())));
		}
		Campaign c = unsaved(current, r);
		MailingList list = lists.get(current.list());
		List<CampaignVersion> versions = r.versions() == null ? campaigns.versions(id)
				: versions(r.versions(), list, c.format());
		for (CampaignVersion v : versions) {
			previews.validate(v.applyTo(c), list);
		}
		if (!campaigns.update(c)) {
			throw new ConflictException(new Text("composing.error.moved-on"));
		}
		if (r.versions() != null) {
			campaigns.replaceVersions(id, versions);
		}
		return get(id);
	}

	/**
	 * The campaign as it would be with these changes, checked (fields, templates) but not stored: what the
	 * editor's live preview shows while staff type.
	 */
	Campaign unsaved(Campaign current, CampaignRequest r) {
		if (r.list() != null && !r.list().equals(current.list())) {
			throw new InvalidInputException("list", new Text("composing.error.list-fixed"));
		}
		MailingList list = lists.get(current.list());
		CampaignFormat parsed = r.format() == null ? null : CampaignFormat.parse(r.format());
		CampaignFormat format = parsed == null ? current.format() : parsed;
		Campaign changed = new Campaign(current.id(), current.listId(), current.list(), current.status(),
				r.subject() == null ? current.subject() : text("subject", r.subject(), 300),
				r.preheader() == null ? current.preheader() : text("preheader", r.preheader(), 300),
				clean(r.body() == null ? current.body() : r.body(), format), format,
				r.layout() == null || r.layout().isBlank() ? current.layout() : r.layout(),
				r.fromName() == null ? current.fromName() : text("fromName", r.fromName(), 200),
				r.fromAddress() == null || r.fromAddress().isBlank() ? current.fromAddress()
						: CampaignRules.address(r.fromAddress()),
				current.scheduledAt(), current.priority(), current.expiresAt(), current.createdBy(),
				current.createdAt(), current.updatedAt());
		Campaign c = CampaignRules.apply(changed, list, r, false);
		previews.validate(c, list);
		return c;
	}

	@Transactional
	public void delete(long id) {
		Campaign c = get(id);
		if (!c.status().editable() || !campaigns.deleteEditable(id)) {
			throw new ConflictException(new Text("composing.error.not-deletable", status(c.status())));
		}
	}

	/** The pre-send checklist of a stored campaign. */
	public Checklist checklist(long id) {
		return previews.checklist(get(id));
	}

	/**
	 * For the send job: moves a campaign to {@code to} if it is in one of {@code from} (compare and set).
	 * @return false if the campaign is in none of them
	 */
	@Transactional
	public boolean transition(long id, CampaignStatus to, CampaignStatus... from) {
		return campaigns.transition(id, to, java.util.Arrays.stream(from).map(Enum::name).toList());
	}

	/**
	 * For the send job: starts a new round of sending of the campaign (a first send, a resume, a retry
	 * round). @return its number
	 */
	public long nextSendRound(long id) {
		return campaigns.nextSendRound(id);
	}

	/** For the send job: the number of the campaign's current round of sending (0 before the first). */
	public long sendRound(long id) {
		return campaigns.sendRound(id);
	}

	/** SCHEDULED campaigns whose time has come, ACTION alerts by priority first. */
	public List<Long> due() {
		return campaigns.due();
	}

	static CampaignStatus status(String raw) {
		try {
			return CampaignStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", new Text("composing.error.status-unknown", raw));
		}
	}

	/** A status as people read it ("Sent", "Enviada"). */
	private static Text status(CampaignStatus status) {
		return new Text("composing.status." + status.name());
	}

	static boolean isAction(MailingList list) {
		return list.kind() == ListKind.ACTION;
	}

	static String text(String field, String value, int max) {
		if (value == null) {
			return "";
		}
		String v = value.strip();
		if (v.length() > max || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
			throw new InvalidInputException(field, new Text("composing.error.one-line", CampaignFields.label(field), max));
		}
		return v;
	}

	/** An HTML or visual body sanitised as it is stored (see {@link BodyHtml#clean}). */
	private String clean(String body, CampaignFormat format) {
		return body == null ? "" : BodyHtml.clean(body, format, baseUrl);
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now();
	}

}
