package org.listserv.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scripts log in to the API.
 *
 * @param apiBasicAuth whether {@code /api/**} takes HTTP Basic with an account's password besides API tokens
 * ({@code Authorization: Bearer}), default true (what scripts did before tokens); false: tokens only
 */
@ConfigurationProperties("listserv.accounts")
record ApiAccessProperties(@DefaultValue("true") boolean apiBasicAuth) {
}
