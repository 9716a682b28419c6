package org.listserv.media;

import java.util.List;
import java.util.function.Function;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignStatus;
import org.listserv.shared.Text;

/**
 * The campaigns that show an image. Those that went out or may still go out (anything but a draft) keep it:
 * mail in people's inboxes loads it from its URL, so it cannot be deleted. Drafts only warn. What it says is
 * a {@link Text}, put together from the bundles in the reader's language when it is shown.
 */
record MediaUsage(List<Campaign> keeping, List<Campaign> drafts) {

	/** How many campaigns a sentence names; the rest are counted. */
	private static final int NAMED = 5;

	static MediaUsage of(List<Campaign> campaigns) {
		return new MediaUsage(campaigns.stream().filter(c -> c.status() != CampaignStatus.DRAFT).toList(),
				campaigns.stream().filter(c -> c.status() == CampaignStatus.DRAFT).toList());
	}

	boolean deletable() {
		return keeping.isEmpty();
	}

	/** A campaign as staff name it: its subject in quotes and its status as the pages show it, “Spring news” (Sent). */
	static Text describe(Campaign c) {
		return new Text("media.usage.described", subject(c), status(c.status()));
	}

	static Text subject(Campaign c) {
		return c.subject() == null || c.subject().isBlank() ? new Text("media.usage.untitled", String.valueOf(c.id()))
				: new Text("media.usage.subject", c.subject());
	}

	/** The status word of the campaign pages. */
	static Text status(CampaignStatus status) {
		return new Text("composing.status." + status.name());
	}

	Text refusal(MediaFile file) {
		return new Text(keeping.size() == 1 ? "media.usage.refusal.one" : "media.usage.refusal.many", file.filename(),
				names(keeping, MediaUsage::describe));
	}

	Text draftWarning(MediaFile file) {
		return new Text(drafts.size() == 1 ? "media.usage.drafts.one" : "media.usage.drafts.many", file.filename(),
				names(drafts, MediaUsage::subject));
	}

	/** The first few names joined ("A, B, C"), and how many more there are. */
	private static Text names(List<Campaign> campaigns, Function<Campaign, Text> name) {
		List<Text> names = campaigns.stream().limit(NAMED).map(name).toList();
		Text joined = names.get(0);
		for (Text next : names.subList(1, names.size())) {
			joined = new Text("media.usage.list", joined, next);
		}
		return campaigns.size() > NAMED ? new Text("media.usage.more", joined, campaigns.size() - NAMED) : joined;
	}

}
