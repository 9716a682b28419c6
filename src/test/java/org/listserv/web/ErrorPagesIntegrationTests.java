package org.listserv.web;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Error pages keep the navigation and the account menu of whoever is logged in. */
class ErrorPagesIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ErrorPageLayout errorPages;

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPageThatIsNotFoundInAControllerKeepsTheAccountMenuAndTheAdminLinks() throws Exception {
		String html = mvc.perform(get("/admin/lists/no-such-list-at-all").with(user(ADMIN).roles("ADMIN")))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("header.top form.logout a[href=/admin/account]").text()).isEqualTo(ADMIN);
		assertThat(page.select("header.top nav a").eachText()).contains("Home", "Lists", "Campaigns", "Users", "Settings");
	}

	@Test
	void theErrorDispatchsPageHasTheLayoutOfWhoeverIsLoggedIn() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(STAFF,
				null, AuthorityUtils.createAuthorityList("ROLE_STAFF")));
		ModelAndView mv = errorPages.resolveErrorView(new MockHttpServletRequest(), HttpStatus.NOT_FOUND,
				Map.of("status", 404, "error", "Not Found"));
		assertThat(mv.getViewName()).isEqualTo("error");
		assertThat(mv.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(mv.getModel()).containsEntry("currentUser", STAFF).containsEntry("isAdmin", false)
			.containsEntry("status", 404);
	}

}
