package org.listserv.media;

import java.util.List;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignStatus;

/**
 * The campaigns that show an image. Those that went out or may still go out (anything but a draft) keep it:
 * mail in people's inboxes loads it from its URL, so it cannot be deleted. Drafts only warn.
 */
record MediaUsage(List<Campaign> keeping, List<Campaign> drafts) {

	static MediaUsage of(List<Campaign> campaigns) {
		return new MediaUsage(campaigns.stream().filter(c -> c.status() != CampaignStatus.DRAFT).toList(),
				campaigns.stream().filter(c -> c.status() == CampaignStatus.DRAFT).toList());
	}

	boolean deletable() {
		return keeping.isEmpty();
	}

	/** A campaign as staff name it: its subject in quotes and where it is, e.g. “Spring news” (sent). */
	static String describe(Campaign c) {
		return subject(c) + " (" + state(c.status()) + ")";
	}

	static String subject(Campaign c) {
		return c.subject() == null || c.subject().isBlank() ? "campaign " + c.id() : "“" + c.subject() + "”";
	}

	static String state(CampaignStatus status) {
		return switch (status) {
			case DRAFT -> "draft";
			case SCHEDULED -> "scheduled";
			case SENDING -> "sending";
			case PAUSED -> "paused while sending";
			case SENT -> "sent";
			case CANCELLED -> "cancelled";
			case FAILED -> "failed while sending";
		};
	}

	String refusal(MediaFile file) {
		return file.filename() + " cannot be deleted: " + names(keeping, MediaUsage::describe)
				+ (keeping.size() == 1 ? " shows" : " show")
				+ " it, and mail that went out (or will go out) loads the image from its address";
	}

	String draftWarning(MediaFile file) {
		return (drafts.size() == 1 ? "The draft " : "The drafts ") + names(drafts, MediaUsage::subject) + (drafts.size() == 1 ? " shows " : " show ")
				+ file.filename() + "; after deleting, " + (drafts.size() == 1 ? "it shows" : "they show")
				+ " a broken image until you change " + (drafts.size() == 1 ? "it" : "them");
	}

	private static String names(List<Campaign> campaigns, java.util.function.Function<Campaign, String> name) {
		List<String> names = campaigns.stream().limit(5).map(name).toList();
		String joined = String.join(", ", names);
		return campaigns.size() > 5 ? joined + " and " + (campaigns.size() - 5) + " more" : joined;
	}

}
