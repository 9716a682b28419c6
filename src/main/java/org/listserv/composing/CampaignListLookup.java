package org.listserv.composing;

import java.util.Optional;

import org.listserv.shared.ListLookup;
import org.listserv.shared.Text;

import org.springframework.stereotype.Component;

/** The list of a campaign, for the per-list roles of {@code /admin/campaigns/{id}} and {@code /api/campaigns/{id}}. */
@Component
class CampaignListLookup implements ListLookup {

	private final Campaigns campaigns;

	CampaignListLookup(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public String kind() {
		return "campaign";
	}

	@Override
	public Optional<String> slugOf(String id) {
		try {
			return campaigns.find(Long.parseLong(id)).map(Campaign::list);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public Text notFound(String id) {
		return new Text("composing.error.no-campaign", id);
	}

}
