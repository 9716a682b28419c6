package org.listserv.media;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.MailingList;
import org.listserv.shared.Sha256;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The media library through the JSON API and the public image addresses, on the real database. */
class MediaIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	ResultActions upload(String filename, String contentType, byte[] data) throws Exception {
		ensureStaff();
		return mvc.perform(multipart("/api/media").file(new MockMultipartFile("file", filename, contentType, data))
			.with(httpBasic(STAFF, STAFF_PASSWORD)));
	}

	long uploaded(String filename, byte[] data) throws Exception {
		ensureStaff();
		return MediaFixtures.upload(mvc, filename, data);
	}

	@Test
	void takesPngJpegGifAndWebpByTheirContentAndReadsTheirDimensions() throws Exception {
		upload("../../etc/Photo of Ünïcode?.PNG", "application/octet-stream", TestImages.image("png", 40, 30))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/media/")))
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andExpect(jsonPath("$.filename").value("Photo-of-Unicode.png"))
			.andExpect(jsonPath("$.width").value(40))
			.andExpect(jsonPath("$.height").value(30))
			.andExpect(jsonPath("$.uploadedBy").value(STAFF))
			.andExpect(jsonPath("$.url", allOf(containsString("http://localhost:8080/media/"),
					containsString("/Photo-of-Unicode.png"))));
		// the name and the browser's type say PNG, the bytes say JPEG: the bytes win
		upload("holiday.png", "image/png", TestImages.image("jpeg", 64, 48)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/jpeg"))
			.andExpect(jsonPath("$.filename").value("holiday.jpg"))
			.andExpect(jsonPath("$.width").value(64));
		upload("anim.gif", "image/gif", TestImages.image("gif", 20, 10)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/gif"))
			.andExpect(jsonPath("$.height").value(10));
		upload("tiny.webp", "image/webp", TestImages.webp()).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/webp"))
			.andExpect(jsonPath("$.width").value(1))
			.andExpect(jsonPath("$.bytes").value(TestImages.webp().length));
	}

	@Test
	void storesTheSameBytesOnce() throws Exception {
		byte[] png = TestImages.image("png", 8, 8);
		long first = uploaded("one.png", png);
		long second = uploaded("two.png", png);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void refusesSvgATextFileNamedPngAndADamagedImageSayingWhy() throws Exception {
		upload("logo.svg", "image/svg+xml",
				"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
					.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("SVG images are not accepted")));
		upload("notes.png", "image/png", "just some text, not a picture".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("This file is not a PNG, JPEG, GIF or WebP image"))
			.andExpect(jsonPath("$.field").value("file"));
		byte[] png = TestImages.image("png", 30, 30);
		byte[] damaged = java.util.Arrays.copyOf(png, 60);
		upload("cut.png", "image/png", damaged).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("could not be read")));
		upload("empty.png", "image/png", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("empty")));
	}

	@Test
	void refusesAFileOverTheSizeLimit() throws Exception {
		byte[] big = new byte[1024 * 1024 + 1];
		System.arraycopy(TestImages.image("png", 4, 4), 0, big, 0, 8);
		upload("big.png", "image/png", big).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail", containsString("images of up to 1 MB are accepted")));
	}

	@Test
	void refusesADecompressionBombByTheDimensionsInItsHeader() throws Exception {
		// 45 bytes that claim 50,000 × 50,000 pixels: decoded they would need 7.5 GB
		upload("bomb.png", "image/png", TestImages.pngHeader(50_000, 50_000)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", allOf(containsString("50000 × 50000 pixels"),
					containsString("more than the 40 million pixels allowed"))));
	}

	@Test
	void servesTheImageWithoutLoginWithCacheHeadersAndItsSha256AsETag() throws Exception {
		byte[] png = TestImages.image("png", 12, 12);
		long id = uploaded("Served.png", png);
		String path = "/media/" + id + "/Served.png";
		String etag = "\"" + Sha256.hex(png) + "\"";
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png))
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
			.andExpect(header().string("ETag", etag))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", "inline; filename=\"Served.png\""));
		mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
		mvc.perform(get("/media/" + (id + 1_000_000) + "/Served.png")).andExpect(status().isNotFound());
		mvc.perform(get("/media/not-a-number/Served.png")).andExpect(status().isNotFound());
	}

	@Test
	void refusesToDeleteAnImageThatASentCampaignShows() throws Exception {
		long image = uploaded("sent.png", TestImages.image("png", 10, 10));
		long campaign = campaignShowing(newList("INFORMATIONAL"), "Spring newsletter", image);
		assertThat(campaigns.transition(campaign, CampaignStatus.SENT, CampaignStatus.DRAFT)).isTrue();

		mvc.perform(delete("/api/media/" + image + "?confirm=true").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", allOf(containsString("sent.png cannot be deleted"),
					containsString("“Spring newsletter” (Sent)"))));
		mvc.perform(get("/media/" + image + "/sent.png")).andExpect(status().isOk());
	}

	@Test
	void deletesAnImageThatADraftShowsOnlyWhenConfirmed() throws Exception {
		long image = uploaded("draft.png", TestImages.image("png", 10, 10));
		campaignShowing(newList("INFORMATIONAL"), "Autumn draft", image);

		mvc.perform(delete("/api/media/" + image).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", allOf(containsString("The draft “Autumn draft” shows draft.png"),
					containsString("Confirm"))));
		mvc.perform(get("/media/" + image + "/draft.png")).andExpect(status().isOk());
		mvc.perform(delete("/api/media/" + image + "?confirm=true").with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(status().isNoContent());
		mvc.perform(get("/media/" + image + "/draft.png")).andExpect(status().isNotFound());
	}

	@Test
	void deletesAnUnusedImageAndListsTheRest() throws Exception {
		long kept = uploaded("kept.png", TestImages.image("png", 5, 5));
		long gone = uploaded("gone.png", TestImages.image("png", 5, 5));
		mvc.perform(delete("/api/media/" + gone).with(httpBasic(STAFF, STAFF_PASSWORD))).andExpect(status().isNoContent());
		String list = mvc.perform(get("/api/media").with(httpBasic(STAFF, STAFF_PASSWORD))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<java.util.List<Integer>>read(list, "$[*].id")).contains((int) kept).doesNotContain((int) gone);
		mvc.perform(delete("/api/media/" + gone).with(httpBasic(STAFF, STAFF_PASSWORD))).andExpect(status().isNotFound());
	}

	@Test
	void theApiNeedsALogin() throws Exception {
		mvc.perform(get("/api/media")).andExpect(status().isUnauthorized());
		mvc.perform(multipart("/api/media").file(new MockMultipartFile("file", "x.png", "image/png",
				TestImages.image("png", 2, 2)))).andExpect(status().isUnauthorized());
		mvc.perform(delete("/api/media/1")).andExpect(status().isUnauthorized());
	}

	long campaignShowing(MailingList list, String subject, long image) throws Exception {
		return MediaFixtures.campaignShowing(mvc, list, subject, image);
	}

}
