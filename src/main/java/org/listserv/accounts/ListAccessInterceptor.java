package org.listserv.accounts;

import org.listserv.shared.ListLookup;
import org.listserv.shared.OnList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.listserv.shared.NotFoundException;

import org.springframework.context.annotation.Configuration;
import org.springframework.lang.NonNull;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks {@link OnList} before the handler runs (and before its arguments are read), so a call on a list
 * the caller holds no role on learns nothing, whatever it sent.
 */
@Configuration(proxyBeanMethods = false)
class ListAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final ListAccess access;

	private final Map<String, ListLookup> lookups;

	ListAccessInterceptor(ListAccess access, List<ListLookup> lookups) {
		this.access = access;
		this.lookups = lookups.stream().collect(Collectors.toMap(ListLookup::kind, l -> l));
	}

	@Override
	public void addInterceptors(@NonNull InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
			@NonNull Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		OnList on = method.getMethodAnnotation(OnList.class);
		if (on == null) {
			return true;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Map<String, String> path = variables == null ? Map.of() : variables;
		String slug;
		if (on.via().isEmpty()) {
			slug = path.get("slug");
		}
		else {
			ListLookup lookup = lookups.get(on.via());
			if (lookup == null) {
				throw new IllegalStateException("No ListLookup for " + on.via());
			}
			String id = path.get(on.id());
			slug = id == null ? null : lookup.slugOf(id).orElse(null);
			if (slug == null) {
				throw new NotFoundException(lookup.notFound(String.valueOf(id)));
			}
			access.require(slug, on.value(), lookup.notFound(id));
			return true;
		}
		if (slug == null) {
			throw new IllegalStateException(method + " is @OnList without a {slug}");
		}
		access.require(slug, on.value());
		return true;
	}

}
