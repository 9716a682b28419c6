package org.listserv.posting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Discussion lists ({@code listserv.posting.*}).
 *
 * @param dmarcLookup whether to look up the author domain's DMARC policy in DNS (default true; tests turn it
 * off, and then {@code dmarcDefault} is every domain's policy)
 * @param dmarcDefault the policy assumed when DNS cannot be asked or does not answer: {@code none},
 * {@code quarantine} or {@code reject} (default {@code none})
 * @param dmarcTimeout how long one DNS lookup may take (default 3s)
 * @param dmarcCacheTtl how long a domain's policy is remembered (default 1h)
 * @param holdExpiry how long a held post waits for a moderator before it expires (default 14d)
 * @param expiryInterval how often held posts are checked for expiry (default 1h)
 */
@ConfigurationProperties("listserv.posting")
public record PostingProperties(@DefaultValue("true") boolean dmarcLookup, @DefaultValue("none") String dmarcDefault,
		@DefaultValue("3s") Duration dmarcTimeout, @DefaultValue("1h") Duration dmarcCacheTtl,
		@DefaultValue("14d") Duration holdExpiry, @DefaultValue("1h") Duration expiryInterval) {
}
