package org.listserv.composing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.listserv.shared.Languages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** How many members got each version of a campaign, the default version first: for the API and the page. */
@Component
class VersionCounts {

	/** One version's recipients: {@code name} is the language's own name ("Español"). */
	record VersionRecipients(String language, String name, long recipients, long sent) {
	}

	private final CampaignService service;

	private final ObjectProvider<CampaignProgress> progress;

	private final Languages languages;

	VersionCounts(CampaignService service, ObjectProvider<CampaignProgress> progress, Languages languages) {
		this.service = service;
		this.progress = progress;
		this.languages = languages;
	}

	/** Empty before the send has started. */
	List<VersionRecipients> of(Campaign c) {
		CampaignProgress p = progress.getIfAvailable();
		Map<String, CampaignProgress.VersionCount> counts = p == null ? Map.of() : new HashMap<>(p.perVersion(c.id()));
		if (counts.isEmpty()) {
			return List.of();
		}
		List<VersionRecipients> per = new ArrayList<>();
		per.add(recipients(service.defaultLanguage(c), counts.remove(null)));
		for (CampaignVersion v : service.versions(c.id())) {
			per.add(recipients(v.language(), counts.remove(v.language())));
		}
		for (Map.Entry<String, CampaignProgress.VersionCount> e : counts.entrySet()) {
			per.add(recipients(e.getKey(), e.getValue()));
		}
		return per;
	}

	private VersionRecipients recipients(String tag, CampaignProgress.VersionCount n) {
		return new VersionRecipients(tag, Languages.nameOf(languages.of(tag)), n == null ? 0 : n.recipients(),
				n == null ? 0 : n.sent());
	}

}
