package org.listserv.media;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignFormat;
import org.listserv.composing.CampaignStatus;

import static org.assertj.core.api.Assertions.assertThat;

class MediaUsageTests {

	static final MediaFile FILE = new MediaFile(7, "march.png", ImageType.PNG, 100, "0".repeat(64), 10, 10, "staff",
			OffsetDateTime.now());

	static Campaign campaign(long id, String subject, CampaignStatus status) {
		return new Campaign(id, 1, "news", status, subject, "", "", CampaignFormat.MARKDOWN, "newsletter", "", "", null,
				null, null, "", null, null);
	}

	@Test
	void everyCampaignButADraftKeepsTheImage() {
		MediaUsage usage = MediaUsage.of(List.of(campaign(1, "June", CampaignStatus.SENT),
				campaign(2, "July", CampaignStatus.DRAFT), campaign(3, "", CampaignStatus.CANCELLED),
				campaign(4, "Alert", CampaignStatus.SCHEDULED)));
		assertThat(usage.deletable()).isFalse();
		assertThat(usage.keeping()).extracting(Campaign::id).containsExactly(1L, 3L, 4L);
		assertThat(usage.refusal(FILE)).isEqualTo("march.png cannot be deleted: “June” (sent), campaign 3 (cancelled), "
				+ "“Alert” (scheduled) show it, and mail that went out (or will go out) loads the image from its address");
		assertThat(usage.draftWarning(FILE))
			.isEqualTo("The draft “July” shows march.png; after deleting, it shows a broken image until you change it");
	}

	@Test
	void namesFiveCampaignsAndCountsTheRest() {
		MediaUsage usage = MediaUsage.of(IntStream.rangeClosed(1, 7)
			.mapToObj(i -> campaign(i, "Draft " + i, CampaignStatus.DRAFT)).toList());
		assertThat(usage.deletable()).isTrue();
		assertThat(usage.draftWarning(FILE)).startsWith("The drafts “Draft 1”, “Draft 2”, “Draft 3”, “Draft 4”, "
				+ "“Draft 5” and 2 more show march.png; after deleting, they show a broken image until you change them");
	}

}
