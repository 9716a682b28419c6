package org.listserv.media;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignFormat;
import org.listserv.composing.CampaignStatus;
import org.listserv.shared.Text;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class MediaUsageTests {

	static final MediaFile FILE = new MediaFile(7, "march.png", ImageType.PNG, 100, "0".repeat(64), 10, 10, "staff",
			OffsetDateTime.now());

	static Campaign campaign(long id, String subject, CampaignStatus status) {
		return new Campaign(id, 1, "news", status, subject, "", "", CampaignFormat.MARKDOWN, "newsletter", "", "", null,
				null, null, "", null, null);
	}

	/** The bundles as the application reads them (spring.messages.*). */
	static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

	static {
		BUNDLES.setBasenames("i18n/media", "i18n/composing");
		BUNDLES.setDefaultEncoding("UTF-8");
		BUNDLES.setAlwaysUseMessageFormat(true);
		BUNDLES.setFallbackToSystemLocale(false);
	}

	static String english(Text text) {
		return BUNDLES.getMessage(text, Locale.ENGLISH);
	}

	static String spanish(Text text) {
		return BUNDLES.getMessage(text, Locale.forLanguageTag("es"));
	}

	@Test
	void everyCampaignButADraftKeepsTheImage() {
		MediaUsage usage = MediaUsage.of(List.of(campaign(1, "June", CampaignStatus.SENT),
				campaign(2, "July", CampaignStatus.DRAFT), campaign(3, "", CampaignStatus.CANCELLED),
				campaign(4, "Alert", CampaignStatus.SCHEDULED)));
		assertThat(usage.deletable()).isFalse();
		assertThat(usage.keeping()).extracting(Campaign::id).containsExactly(1L, 3L, 4L);
		assertThat(english(usage.refusal(FILE))).isEqualTo("march.png cannot be deleted: “June” (Sent), campaign 3 (Cancelled), "
				+ "“Alert” (Scheduled) show it, and mail that went out (or will go out) loads the image from its address");
		assertThat(english(usage.draftWarning(FILE)))
			.isEqualTo("The draft “July” shows march.png; after deleting, it shows a broken image until you change it");
		assertThat(spanish(usage.refusal(FILE))).isEqualTo("No se puede eliminar march.png: la muestran «June» (Enviada), "
				+ "campaña 3 (Cancelada), «Alert» (Programada), y el correo que salió (o que saldrá) carga la imagen desde su dirección");
		assertThat(spanish(usage.draftWarning(FILE))).isEqualTo("El borrador «July» muestra march.png; si elimina la imagen, "
				+ "el borrador mostrará una imagen rota hasta que lo modifique");
	}

	@Test
	void namesFiveCampaignsAndCountsTheRest() {
		MediaUsage usage = MediaUsage.of(IntStream.rangeClosed(1, 7)
			.mapToObj(i -> campaign(i, "Draft " + i, CampaignStatus.DRAFT)).toList());
		assertThat(usage.deletable()).isTrue();
		assertThat(english(usage.draftWarning(FILE))).isEqualTo("The drafts “Draft 1”, “Draft 2”, “Draft 3”, “Draft 4”, "
				+ "“Draft 5” and 2 more show march.png; after deleting, they show a broken image until you change them");
		assertThat(spanish(usage.draftWarning(FILE))).startsWith("Los borradores «Draft 1», «Draft 2», «Draft 3», «Draft 4», "
				+ "«Draft 5» y 2 más muestran march.png;");
	}

}
