package org.listserv.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page that ends an error dispatch (a page that does not exist, a refused request, an exception
 * outside a controller) keeps the navigation and the account menu: Boot's error model plus the layout's.
 * Tried last, after {@link DatabaseOutage}.
 */
@Component
class ErrorPageLayout implements ErrorViewResolver, Ordered {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Map<String, Object> shown = new HashMap<>(model);
		// Boot's placeholder is English: the page says it in its own words instead
		if ("No message available".equals(shown.get("message"))) {
			shown.remove("message");
		}
		return LayoutModel.addTo(new ModelAndView("error", shown, status));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
