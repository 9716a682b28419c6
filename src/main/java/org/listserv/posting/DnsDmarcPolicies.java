package org.listserv.posting;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import org.springframework.stereotype.Component;

/**
 * DMARC policies from DNS with dnsjava: {@code _dmarc.{domain}}, then the parent domain (a cheap stand-in for
 * the organisational domain). Answers are cached for {@code dmarc-cache-ttl}; when DNS does not answer in
 * {@code dmarc-timeout}, or lookups are off ({@code dmarc-lookup=false}), the policy is {@code dmarc-default}
 * (and that is not cached, so DNS is asked again next time).
 */
@Component
class DnsDmarcPolicies implements DmarcPolicies {

	private static final Logger log = LoggerFactory.getLogger(DnsDmarcPolicies.class);

	private final PostingProperties properties;

	private final Policy fallback;

	private final Cache<String, Policy> cache;

	private volatile Resolver resolver;

	DnsDmarcPolicies(PostingProperties properties) {
		this.properties = properties;
		this.fallback = Policy.parse(properties.dmarcDefault());
		this.cache = Caffeine.newBuilder().expireAfterWrite(properties.dmarcCacheTtl()).maximumSize(10_000).build();
	}

	/** For tests: ask this resolver (a local fake) instead of the system's. */
	void useResolver(Resolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public Policy policy(String domain) {
		if (!properties.dmarcLookup() || domain == null || domain.isBlank()) {
			return fallback;
		}
		Policy cached = cache.getIfPresent(domain);
		if (cached != null) {
			return cached;
		}
		try {
			Optional<Policy> found = lookup(domain);
			if (found.isEmpty() && domain.indexOf('.') != domain.lastIndexOf('.')) {
				found = lookup(domain.substring(domain.indexOf('.') + 1));
			}
			Policy policy = found.orElse(Policy.NONE);
			cache.put(domain, policy);
			return policy;
		}
		catch (DnsUnavailableException ex) {
			log.warn("DMARC lookup of {} failed ({}); assuming p={}", domain, ex.getMessage(), fallback);
			return fallback;
		}
	}

	/** The policy published at {@code _dmarc.{domain}}, empty if none is. */
	private Optional<Policy> lookup(String domain) {
		Lookup lookup;
		try {
			// absolute: the resolver's search domains must not be appended
			lookup = new Lookup(Name.fromString("_dmarc." + domain, Name.root), Type.TXT);
		}
		catch (TextParseException ex) {
			return Optional.empty();
		}
		lookup.setResolver(resolver());
		lookup.setCache(null);
		Record[] records = lookup.run();
		switch (lookup.getResult()) {
			case Lookup.SUCCESSFUL:
				for (Record r : records) {
					if (r instanceof TXTRecord txt) {
						Policy p = DmarcPolicies.parseRecord(String.join("", txt.getStrings()));
						if (p != null) {
							return Optional.of(p);
						}
					}
				}
				return Optional.empty();
			case Lookup.HOST_NOT_FOUND:
			case Lookup.TYPE_NOT_FOUND:
				return Optional.empty();
			default:
				throw new DnsUnavailableException(lookup.getErrorString());
		}
	}

	private Resolver resolver() {
		Resolver r = resolver;
		if (r == null) {
			r = new ExtendedResolver();
			r.setTimeout(properties.dmarcTimeout());
			resolver = r;
		}
		return r;
	}

	private static final class DnsUnavailableException extends RuntimeException {

		DnsUnavailableException(String message) {
			super(message);
		}

	}

}
