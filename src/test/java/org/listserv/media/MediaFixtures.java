package org.listserv.media;

import com.jayway.jsonpath.JsonPath;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Images and campaigns that show them, made through the API as staff (who must exist). */
final class MediaFixtures {

	private MediaFixtures() {
	}

	/** Uploads an image as staff and returns its id. */
	static long upload(MockMvc mvc, String filename, byte[] data) throws Exception {
		String json = mvc.perform(multipart("/api/media").file(new MockMultipartFile("file", filename, "image/png", data))
			.with(httpBasic(IntegrationTest.STAFF, IntegrationTest.STAFF_PASSWORD)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	/** A draft campaign whose body shows the image by its absolute URL, as the editor inserts it. */
	static long campaignShowing(MockMvc mvc, MailingList list, String subject, long image) throws Exception {
		String url = "http://localhost:8080/media/" + image + "/x.png";
		String json = mvc.perform(post("/api/campaigns")
			.with(httpBasic(IntegrationTest.STAFF, IntegrationTest.STAFF_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\":\"" + list.slug() + "\",\"subject\":\"" + subject + "\",\"body\":\"Hello\\n\\n![Our march]("
					+ url + ")\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

}
