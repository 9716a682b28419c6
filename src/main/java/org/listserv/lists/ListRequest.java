package org.listserv.lists;

/**
 * A list to create, or the changes to one (null means "leave as is"). Enum fields are strings so that
 * a wrong value gets an error naming the field and the values allowed.
 */
public record ListRequest(String slug, String name, String kind, String description, String subscriptionPolicy,
		String postingPolicy, String fromName, String fromAddress, String replyTo, String footer) {
}
