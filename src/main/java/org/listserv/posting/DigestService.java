package org.listserv.posting;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.composing.CampaignSource;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.DigestWriter;
import org.listserv.mail.ListHeaders;
import org.listserv.mail.MailProperties;
import org.listserv.sending.DeliveryLedger;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Service;

/**
 * One list's digest for one cut-off: the posts distributed since its last digest, written as a MIME digest,
 * stored with a DIGEST campaign row and one delivery per DIGEST-mode member, in the caller's transaction
 * (the send-digests job's chunk); the send job is launched after the commit ({@link StoredSends}).
 */
@Service
class DigestService {

	private static final Logger log = LoggerFactory.getLogger(DigestService.class);



	private final Digests digests;

	private final PostingSettings settings;

	private final ListService lists;

	private final StoredSends sends;

	private final DeliveryLedger ledger;

	private final MailProperties mail;

	private final WebProperties web;

	private final org.listserv.shared.Texts texts;

	private final org.listserv.shared.Languages languages;

	private final org.listserv.web.TimeZones zones;

	DigestService(Digests digests, PostingSettings settings, ListService lists, StoredSends sends,
			DeliveryLedger ledger, MailProperties mail, WebProperties web, org.listserv.shared.Texts texts,
			org.listserv.shared.Languages languages, org.listserv.web.TimeZones zones) {
		this.texts = texts;
		this.languages = languages;
		this.zones = zones;
		this.digests = digests;
		this.settings = settings;
		this.lists = lists;
		this.sends = sends;
		this.ledger = ledger;
		this.mail = mail;
		this.web = web;
	}

	/** @return the number of members it goes to; 0 if the list was done already or has nothing new */
	int send(long listId, OffsetDateTime cutoff) {
		MailingList list = lists.findById(listId).orElse(null);
		if (list == null || digests.exists(listId, cutoff)) {
			return 0;
		}
		Duration period = "WEEKLY".equals(settings.of(listId).digestFrequency()) ? Duration.ofDays(7) : Duration.ofDays(1);
		OffsetDateTime start = digests.lastEnd(listId).orElse(cutoff.minus(period));
		List<Digests.DigestPost> posts = digests.posts(listId, start, cutoff);
		if (posts.isEmpty()) {
			return 0;
		}
		// one digest per list, stored once and sent to every digest member: in the list's language
		java.util.Locale language = languages.of(list.language());
		String subject = texts.get(language, "posting.digest.subject", list.name(), texts
			.dateFormat(language, "format.date").format(cutoff.atZoneSameInstant(zones.organisation())),
				posts.size());
		String address = list.slug() + "@" + mail.domain();
		Map<String, String> headers = new LinkedHashMap<>();
		String name = list.name().replace("\"", "").replace("\\", "");
		headers.put("From", name.isEmpty() ? address : "\"" + name + "\" <" + address + ">");
		headers.put("To", address);
		headers.put("Subject", subject);
		headers.putAll(ListHeaders.of(list.name(), list.slug(), mail.domain()));
		headers.put("List-Post", "<mailto:" + address + ">");
		headers.put("List-Archive", "<" + web.base() + "/archive/" + list.slug() + ">");
		headers.put("Precedence", "list");
		headers.put("X-BeenThere", address);
		byte[] message = DigestWriter.write(headers, mail.domain(), contents(list, language, posts), posts.stream()
			.map(Digests.DigestPost::decorated).toList());
		StoredSends.Queued queued = sends.queue(listId, CampaignSource.DIGEST, subject, list.name(), address, "send-digests",
				campaignId -> {
					digests.insert(listId, start, cutoff, posts.size(), message, campaignId);
					return ledger.snapshotDigestRecipients(listId, campaignId);
				});
		log.info("Digest of {} up to {}: {} posts to {} members (campaign {})", list.slug(), cutoff, posts.size(),
				queued.recipients(), queued.campaignId());
		return queued.recipients();
	}

	/** The plain-text table of contents. */
	private String contents(MailingList list, java.util.Locale language, List<Digests.DigestPost> posts) {
		java.time.ZoneId zone = zones.organisation();
		DateTimeFormatter time = texts.dateFormat(language, "format.datetime");
		StringBuilder toc = new StringBuilder(texts.get(language, "posting.digest.heading", list.name()) + "\n\n"
				+ texts.get(language, "posting.digest.topics") + "\n\n");
		int i = 1;
		for (Digests.DigestPost p : posts) {
			toc.append(String.format("%3d. %s (%s, %s)%n", i++,
					p.subject().isEmpty() ? texts.get(language, "posting.digest.no-subject") : p.subject(),
					p.senderName().isEmpty() ? p.sender() : p.senderName(),
					time.format(p.distributedAt().atZoneSameInstant(zone)) + " " + zone.getId()));
		}
		toc.append('\n').append(texts.get(language, "posting.digest.to-post", list.slug() + "@" + mail.domain()))
			.append('\n').append(texts.get(language, "posting.digest.archive", web.base() + "/archive/" + list.slug()))
			.append('\n').append(texts.get(language, "posting.digest.preferences", web.base() + "/preferences"))
			.append('\n');
		return toc.toString();
	}

}
