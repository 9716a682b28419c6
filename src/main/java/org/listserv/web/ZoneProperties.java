package org.listserv.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time zone pages show times in until an admin sets the organisation's on the settings page.
 *
 * @param timeZone an IANA zone id such as {@code Europe/Berlin} or {@code America/Bogota} (default
 *        {@code UTC}); an unknown id stops the start
 */
@ConfigurationProperties("listserv.web")
public record ZoneProperties(@DefaultValue("UTC") String timeZone) {

	public ZoneProperties {
		Times.zone("listserv.web.time-zone", timeZone);
	}

}
