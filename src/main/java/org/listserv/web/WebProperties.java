package org.listserv.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the public address of the web pages, used in links in mail (default
 *        {@code http://localhost:8080}); set it to the https address people reach
 */
@ConfigurationProperties("listserv")
public record WebProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

	/** The base URL without a trailing slash. */
	public String base() {
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
