package org.listserv.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created at the first start when no account exists. From the environment as
 * {@code LISTSERV_ADMIN_EMAIL} and {@code LISTSERV_ADMIN_PASSWORD}.
 *
 * @param email the first admin's login, default {@code admin@localhost}
 * @param password the first admin's password; empty means generate one and print it once in the log
 */
@ConfigurationProperties("listserv.admin")
public record AccountsProperties(@DefaultValue("admin@localhost") String email, @DefaultValue("") String password) {
}
