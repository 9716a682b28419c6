package org.listserv.mail;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail domain of the lists.
 *
 * @param domain the domain of every list address ({slug}@domain, {slug}-request@domain, ...), default localhost
 * @param domainAliases other domains accepted as the list domain on inbound mail
 */
@ConfigurationProperties("listserv.mail")
public record MailProperties(@DefaultValue("localhost") String domain, @DefaultValue List<String> domainAliases) {

	/** Whether a domain (any case) is the list domain or one of its aliases. */
	public boolean isListDomain(String candidate) {
		return candidate != null && (candidate.equalsIgnoreCase(domain)
				|| domainAliases.stream().anyMatch(candidate::equalsIgnoreCase));
	}

}
