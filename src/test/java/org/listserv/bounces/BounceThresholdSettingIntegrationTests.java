package org.listserv.bounces;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The per-list bounce threshold: in the API and in the list settings form, validated; 0 means the default. */
class BounceThresholdSettingIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theThresholdIsSetReadAndResetThroughTheApi() throws Exception {
		MailingList list = newList("ACTION");
		mvc.perform(get("/api/lists/" + list.slug()).with(httpBasic(STAFF, STAFF_PASSWORD)))
			.andExpect(jsonPath("$.bounceThreshold").doesNotExist());
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"bounceThreshold\": 2.5}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bounceThreshold").value(2.5));
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Renamed\"}"))
			.andExpect(jsonPath("$.bounceThreshold").value(2.5));
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"bounceThreshold\": -1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("bounceThreshold"));
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"bounceThreshold\": 1.234}"))
			.andExpect(status().isBadRequest());
		assertThat(listService.get(list.slug()).bounceThreshold()).isEqualByComparingTo("2.5");
		mvc.perform(patch("/api/lists/" + list.slug()).with(httpBasic(ADMIN, ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"bounceThreshold\": 0}"))
			.andExpect(status().isOk());
		assertThat(listService.get(list.slug()).bounceThreshold()).isNull();
	}

	@Test
	void theListSettingsFormShowsAndSavesTheThreshold() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		mvc.perform(get("/admin/lists/" + list.slug()).with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"bounceThreshold\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("0: the default 5.0)")));
		mvc.perform(post("/admin/lists/" + list.slug() + "/settings").with(user(ADMIN).roles("ADMIN")).with(csrf())
			.param("name", list.name()).param("kind", "INFORMATIONAL").param("bounceThreshold", "3"))
			.andExpect(status().is3xxRedirection());
		assertThat(listService.get(list.slug()).bounceThreshold()).isEqualByComparingTo("3");
	}

}
