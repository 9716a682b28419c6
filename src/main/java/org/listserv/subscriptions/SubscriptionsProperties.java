package org.listserv.subscriptions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of subscriptions.
 *
 * @param importMaxSize the largest CSV file an import reads (default 512MB); a larger one is refused with 413
 * @param importMaxReported how many rejected rows an import lists one by one (default 1000); all are counted
 */
@ConfigurationProperties("listserv.subscriptions")
public record SubscriptionsProperties(@DefaultValue("512MB") DataSize importMaxSize,
		@DefaultValue("1000") int importMaxReported) {
}
