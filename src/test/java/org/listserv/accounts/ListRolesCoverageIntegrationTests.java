package org.listserv.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.shared.AnyAccount;
import org.listserv.shared.OnList;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Generated from the controllers' mappings, so that a new page or API call without a check fails here: every
 * mapping under /admin and /api is {@link OnList}, admin-only ({@code @PreAuthorize}) or {@link AnyAccount};
 * and every {@link OnList} mapping, called by a MODERATOR of list A on list B, answers 404, and called on A
 * with a role that does not permit it, 403.
 */
class ListRolesCoverageIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, String consumes) {
	}

	private List<Endpoint> staffEndpoints() {
		List<Endpoint> found = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
			String consumes = e.getKey().getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
				.map(MediaType::toString).orElse(null);
			for (String pattern : e.getKey().getPatternValues()) {
				if (pattern.startsWith("/admin") || pattern.startsWith("/api")) {
					for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						found.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern, e.getValue(), consumes));
					}
				}
			}
		}
		return found;
	}

	private static boolean has(HandlerMethod h, Class<? extends java.lang.annotation.Annotation> a) {
		return h.hasMethodAnnotation(a) || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), a);
	}

	@Test
	void everyStaffMappingSaysWhoMayCallIt() {
		List<String> unchecked = staffEndpoints().stream()
			.filter(e -> !has(e.handler(), OnList.class) && !has(e.handler(), AnyAccount.class)
					&& !has(e.handler(), PreAuthorize.class))
			.map(e -> e.method() + " " + e.pattern() + " (" + e.handler().getShortLogMessage() + ")")
			.distinct().sorted().toList();
		assertThat(unchecked).as("mappings with no @OnList, @AnyAccount or @PreAuthorize").isEmpty();
		assertThat(staffEndpoints().stream().filter(e -> has(e.handler(), OnList.class)).count())
			.as("list-scoped mappings found").isGreaterThan(40);
	}

	@Test
	void aModeratorOfOneListCanReachNothingOnAnotherAndARoleTooLowIsRefused() throws Exception {
		MailingList a = newList("ACTION");
		MailingList b = newList("INFORMATIONAL");
		long onA = campaign(a);
		long onB = campaign(b);
		String moderator = "moderator-" + System.nanoTime() + "@example.org";
		accounts.create(moderator, "Mod", "a long enough password 1", Role.STAFF);
		jdbc.sql("insert into list_roles (list_id, user_id, role, granted_by) select :l, id, 'MODERATOR', 'test'"
				+ " from users where email = :e").param("l", a.id()).param("e", moderator).update();

		List<String> reached = new ArrayList<>();
		List<String> notRefused = new ArrayList<>();
		int checked = 0;
		for (Endpoint e : staffEndpoints()) {
			OnList on = e.handler().getMethodAnnotation(OnList.class);
			if (on == null) {
				continue;
			}
			checked++;
			int other = call(e, b, onB, moderator);
			if (other != 404) {
				reached.add(e.method() + " " + e.pattern() + " -> " + other);
			}
			if (!ListRole.MODERATOR.permits(on.value())) {
				int own = call(e, a, onA, moderator);
				if (own != 403) {
					notRefused.add(e.method() + " " + e.pattern() + " -> " + own);
				}
			}
		}
		assertThat(checked).isGreaterThan(40);
		assertThat(reached).as("list-scoped calls a MODERATOR of another list reached").isEmpty();
		assertThat(notRefused).as("calls a MODERATOR's role does not permit, not refused with 403").isEmpty();
	}

	private long campaign(MailingList list) {
		return jdbc.sql("insert into campaigns (list_id, status, subject, layout, from_address, created_by) values (:l, 'DRAFT', 'S',"
				+ " 'default', 'news@example.org', :u) returning id").param("l", list.id()).param("u", ADMIN).query(Long.class).single();
	}

	private int call(Endpoint e, MailingList list, long campaign, String as) throws Exception {
		String uri = e.pattern().replace("{slug}", list.slug()).replace("{id}", String.valueOf(campaign))
			.replace("{email}", "someone@example.org").replace("{language}", "es").replace("{name}", "default")
			.replace("{subscriberId}", "1").replace("{domain}", "example.org").replace("{inboundMessageId}", "1");
		MockHttpServletRequestBuilder r = request(e.method(), uri).with(user(as).roles("STAFF")).with(csrf());
		if (e.consumes() != null) {
			r.contentType(e.consumes());
		}
		else if (e.method() != HttpMethod.GET && e.pattern().startsWith("/api")) {
			r.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return mvc.perform(r).andReturn().getResponse().getStatus();
	}

}
