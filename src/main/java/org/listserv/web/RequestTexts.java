package org.listserv.web;

import java.util.Optional;

import org.listserv.shared.Texts;

import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The bundles for the value objects a controller builds during a request ({@link FormErrors},
 * {@link Confirmation}): their texts are resolved when they are made, in the language of the request being
 * answered, and outlive a redirect as plain strings. Empty outside a request (a unit test).
 */
final class RequestTexts {

	private RequestTexts() {
	}

	static Optional<Texts> find() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			WebApplicationContext context = RequestContextUtils.findWebApplicationContext(request.getRequest());
			if (context != null) {
				return Optional.of(context.getBean(Texts.class));
			}
		}
		return Optional.empty();
	}

	/** The text in the request's language; outside a request its key. */
	static String get(org.listserv.shared.Text text) {
		return find().map(t -> t.get(text)).orElse(text.toString());
	}

}
