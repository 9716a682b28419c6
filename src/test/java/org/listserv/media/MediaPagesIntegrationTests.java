package org.listserv.media;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.composing.CampaignStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /admin/media}: the page, its upload form without JavaScript, deleting with a confirmation. */
class MediaPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	MvcResult pageUpload(String filename, byte[] data) throws Exception {
		return mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", filename, "image/png", data))
			.with(user(STAFF).roles("STAFF")).with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound()).andExpect(redirectedUrl("/admin/media")).andReturn();
	}

	@Test
	void uploadsWithoutJavaScriptAndShowsTheResultAtTheTop() throws Exception {
		MvcResult done = pageUpload("Banner.png", TestImages.image("png", 60, 20));
		String notice = (String) done.getFlashMap().get("notice");
		assertThat(notice).startsWith("Uploaded Banner.png (60 × 20 pixels). Its address is http://localhost:8080/media/");
		String page = mvc.perform(get("/admin/media").with(user(STAFF).roles("STAFF")).accept(MediaType.TEXT_HTML)
			.flashAttrs(done.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<p class=\"notice\" role=\"status\"><span>Uploaded Banner.png")
			.contains("Banner.png").contains("60 × 20").contains("value=\"http://localhost:8080/media/")
			.contains("<meta name=\"_csrf\"");
		assertThat(page.indexOf("class=\"notice\"")).as("the notice comes before the library")
			.isLessThan(page.indexOf("id=\"media\""));
	}

	@Test
	void saysAtTheTopWhyAFileWasNotTaken() throws Exception {
		MvcResult refused = pageUpload("notes.png", "plain text".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.getFlashMap().get("error"))
			.isEqualTo("Not uploaded: This file is not a PNG, JPEG, GIF or WebP image");
		MvcResult bomb = pageUpload("bomb.png", TestImages.pngHeader(9000, 9000));
		assertThat((String) bomb.getFlashMap().get("error")).contains("9000 × 9000 pixels", "40 million pixels");
		MvcResult big = pageUpload("big.png", new byte[1024 * 1024 + 10]);
		assertThat((String) big.getFlashMap().get("error")).contains("images of up to 1 MB are accepted");
		mvc.perform(get("/admin/media").with(user(STAFF).roles("STAFF")).accept(MediaType.TEXT_HTML)
			.flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(containsString("<p class=\"error\" role=\"alert\">Not uploaded: This file is not")));
	}

	@Test
	void deletesOnlyAfterTheConfirmationPageAndNeverAnImageThatASentCampaignShows() throws Exception {
		long image = apiUpload("confirm.png");
		// the library's Delete button: a confirmation page, nothing deleted
		mvc.perform(post("/admin/media/" + image + "/delete").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete confirm.png?")))
			.andExpect(content().string(containsString("No campaign shows this image.")))
			.andExpect(content().string(containsString("name=\"confirm\" value=\"yes\"")));
		mvc.perform(get("/media/" + image + "/confirm.png")).andExpect(status().isOk());

		long campaign = MediaFixtures.campaignShowing(mvc, newList("ACTION"), "Call now", image);
		mvc.perform(post("/admin/media/" + image + "/delete").with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The draft “Call now” shows confirm.png")))
			.andExpect(content().string(containsString("Delete it anyway")))
			.andExpect(content().string(not(containsString("No campaign shows this image."))));

		assertThat(campaigns.transition(campaign, CampaignStatus.SCHEDULED, CampaignStatus.DRAFT)).isTrue();
		mvc.perform(post("/admin/media/" + image + "/delete").param("confirm", "yes")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("<p class=\"error\" role=\"alert\">confirm.png cannot be deleted: “Call now” (Scheduled) shows it")))
			.andExpect(content().string(not(containsString("name=\"confirm\" value=\"yes\""))));
		mvc.perform(get("/media/" + image + "/confirm.png")).andExpect(status().isOk());

		assertThat(campaigns.transition(campaign, CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)).isTrue();
		mvc.perform(post("/admin/media/" + image + "/delete").param("confirm", "yes")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(redirectedUrl("/admin/media"))
			.andExpect(flash().attribute("notice", "confirm.png deleted"));
		mvc.perform(get("/media/" + image + "/confirm.png")).andExpect(status().isNotFound());
	}

	@Test
	void formsNeedTheCsrfTokenAndStrangersGoToTheLogin() throws Exception {
		long image = apiUpload("csrf.png");
		mvc.perform(post("/admin/media/" + image + "/delete").param("confirm", "yes").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "x.png", "image/png",
				TestImages.image("png", 3, 3))).with(user(STAFF).roles("STAFF"))).andExpect(status().isForbidden());
		mvc.perform(get("/media/" + image + "/csrf.png")).andExpect(status().isOk());
		mvc.perform(get("/admin/media")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void thePickerGetsJsonWithTheSessionAndItsCsrfToken() throws Exception {
		mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "picked.png", "image/png",
				TestImages.image("png", 7, 9))).with(user(STAFF).roles("STAFF")).with(csrf())
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.url", startsWith("http://localhost:8080/media/")))
			.andExpect(jsonPath("$.height").value(9));
		mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "x.svg", "image/svg+xml",
				"<svg/>".getBytes(StandardCharsets.UTF_8))).with(user(STAFF).roles("STAFF")).with(csrf())
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("SVG")));
		String list = mvc.perform(get("/admin/media").with(user(STAFF).roles("STAFF")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<java.util.List<String>>read(list, "$[*].filename")).contains("picked.png");
	}

	@Test
	void theLayoutGivesScriptsTheCsrfTokenOnlyOnPagesOfALoggedInPerson() throws Exception {
		String staffPage = mvc.perform(get("/admin/lists").with(user(STAFF).roles("STAFF")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(staffPage).containsPattern("<meta name=\"_csrf\" content=\"[^\"]+\">")
			.contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")
			.contains("href=\"/admin/media\">Media</a>");
		MvcResult stranger = mvc.perform(get("/lists")).andExpect(status().isOk()).andReturn();
		assertThat(stranger.getResponse().getContentAsString()).doesNotContain("<meta name=\"_csrf");
	}

	@Test
	void saysWhatHappenedToAnUploadAndADeleteInSpanish() throws Exception {
		MvcResult refused = mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "bomb.png",
				"image/png", TestImages.pngHeader(9000, 9000))).header("Accept-Language", "es")
			.with(user(STAFF).roles("STAFF")).with(csrf()).accept(MediaType.TEXT_HTML)).andReturn();
		assertThat(refused.getFlashMap().get("error")).isEqualTo("No se subió: Esta imagen mide 9000 × 9000 píxeles, "
				+ "más que los 40 millones de píxeles permitidos; redúzcala y vuelva a subirla");
		MvcResult big = mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "big.png",
				"image/png", new byte[1024 * 1024 + 10])).header("Accept-Language", "es")
			.with(user(STAFF).roles("STAFF")).with(csrf()).accept(MediaType.TEXT_HTML)).andReturn();
		assertThat((String) big.getFlashMap().get("error")).contains("se aceptan imágenes de hasta 1 MB");
		mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "x.svg", "image/svg+xml",
				"<svg/>".getBytes(StandardCharsets.UTF_8))).header("Accept-Language", "es")
			.with(user(STAFF).roles("STAFF")).with(csrf()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", startsWith("No se aceptan imágenes SVG")));

		mvc.perform(get("/admin/media").with(user(STAFF).roles("STAFF")).header("Accept-Language", "es")
			.accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("data-title=\"Insertar una imagen\"")))
			.andExpect(content().string(containsString("data-uploaded=\"Se subió {0}. Ahora descríbala aquí abajo.\"")));

		long image = apiUpload("prensa.png");
		long campaign = MediaFixtures.campaignShowing(mvc, newList("ACTION"), "Llamen hoy", image);
		assertThat(campaigns.transition(campaign, CampaignStatus.SCHEDULED, CampaignStatus.DRAFT)).isTrue();
		mvc.perform(post("/admin/media/" + image + "/delete").header("Accept-Language", "es")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("No se puede eliminar prensa.png: la muestra «Llamen hoy» (Programada)")))
			.andExpect(content().string(containsString("<li>«Llamen hoy» (Programada)</li>")));
		assertThat(campaigns.transition(campaign, CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)).isTrue();
		mvc.perform(post("/admin/media/" + image + "/delete").header("Accept-Language", "es")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(content().string(containsString("El borrador «Llamen hoy» muestra prensa.png")));
		mvc.perform(post("/admin/media/" + image + "/delete").param("confirm", "yes").header("Accept-Language", "es")
			.with(user(STAFF).roles("STAFF")).with(csrf()))
			.andExpect(flash().attribute("notice", "Se eliminó prensa.png"));
	}

	long apiUpload(String filename) throws Exception {
		ensureStaff();
		return MediaFixtures.upload(mvc, filename, TestImages.image("png", 6, 6));
	}

}
