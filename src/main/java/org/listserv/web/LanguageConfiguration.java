package org.listserv.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Remembers a language chosen with {@code ?lang=} on any page ({@link LanguageResolver}). */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

	private final LanguageResolver resolver;

	LanguageConfiguration(LanguageResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(resolver);
	}

}
