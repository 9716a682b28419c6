package org.listserv.subscriptions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of subscriptions.
 *
 * @param importMaxSize the largest CSV file an import reads (default 512MB); a larger one is refused with 413
 * @param importMaxReported how many rejected rows an import lists one by one (default 1000); all are counted
 * @param confirmExpiry how long a confirmation link or reply address works (default 7d)
 * @param preferencesLinkExpiry how long a link to the preference page works (default 30d)
 * @param unsubscribeLinkExpiry how long the unsubscribe link in a message works (default 730d)
 * @param subscribePerClientPerMinute POSTs to the subscribe form one client address may make a minute (default 10)
 * @param noticesPerAddressPerHour notices one address may receive an hour on request (confirm again,
 *        already subscribed, preference link, command replies; default 5)
 * @param importConfirmationsPerMinute confirmation requests mailed a minute, at most, to members an import in
 *        PENDING mode added or an admin asked to remind (default 60); each instance mails this many
 * @param confirmationRound how often those requests are looked for (default 10s)
 */
@ConfigurationProperties("listserv.subscriptions")
public record SubscriptionsProperties(@DefaultValue("512MB") DataSize importMaxSize,
		@DefaultValue("1000") int importMaxReported, @DefaultValue("7d") Duration confirmExpiry,
		@DefaultValue("30d") Duration preferencesLinkExpiry, @DefaultValue("730d") Duration unsubscribeLinkExpiry,
		@DefaultValue("10") int subscribePerClientPerMinute, @DefaultValue("5") int noticesPerAddressPerHour,
		@DefaultValue("60") int importConfirmationsPerMinute, @DefaultValue("10s") Duration confirmationRound) {
}
