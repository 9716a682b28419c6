package org.listserv.lists;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A list to create, or the changes to one (null means "leave as is"). Enum fields are strings so that
 * a wrong value gets an error naming the field and the values allowed.
 */
public record ListRequest(String slug, String name, String kind, String description, String subscriptionPolicy,
		String postingPolicy, String fromName, String fromAddress, String replyTo, String footer,
		@JsonProperty("public") Boolean publicList, String consentText, Boolean goodbyeNotice,
		BigDecimal bounceThreshold, String greetingFallback, String language) {

	/** A request without the language. */
	public ListRequest(String slug, String name, String kind, String description, String subscriptionPolicy,
			String postingPolicy, String fromName, String fromAddress, String replyTo, String footer,
			Boolean publicList, String consentText, Boolean goodbyeNotice, BigDecimal bounceThreshold,
			String greetingFallback) {
		this(slug, name, kind, description, subscriptionPolicy, postingPolicy, fromName, fromAddress, replyTo, footer,
				publicList, consentText, goodbyeNotice, bounceThreshold, greetingFallback, null);
	}

	/** A request without the greeting fallback. */
	public ListRequest(String slug, String name, String kind, String description, String subscriptionPolicy,
			String postingPolicy, String fromName, String fromAddress, String replyTo, String footer,
			Boolean publicList, String consentText, Boolean goodbyeNotice, BigDecimal bounceThreshold) {
		this(slug, name, kind, description, subscriptionPolicy, postingPolicy, fromName, fromAddress, replyTo, footer,
				publicList, consentText, goodbyeNotice, bounceThreshold, null, null);
	}

	/** A request without the bounce threshold. */
	public ListRequest(String slug, String name, String kind, String description, String subscriptionPolicy,
			String postingPolicy, String fromName, String fromAddress, String replyTo, String footer,
			Boolean publicList, String consentText, Boolean goodbyeNotice) {
		this(slug, name, kind, description, subscriptionPolicy, postingPolicy, fromName, fromAddress, replyTo, footer,
				publicList, consentText, goodbyeNotice, null, null, null);
	}

	/** A request with only the basic fields. */
	public ListRequest(String slug, String name, String kind, String description, String subscriptionPolicy,
			String postingPolicy, String fromName, String fromAddress, String replyTo, String footer) {
		this(slug, name, kind, description, subscriptionPolicy, postingPolicy, fromName, fromAddress, replyTo, footer,
				null, null, null, null, null, null);
	}

}
