package org.listserv.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web server behind a reverse proxy. (The public address, {@code listserv.base-url}, is in
 * {@link WebProperties}, which binds at the root of {@code listserv}.)
 *
 * @param trustedProxies addresses (IPv4 or IPv6) and CIDR ranges of the reverse proxies in front of the
 *        application; only a request from one of them may name the client with {@code X-Forwarded-For}
 *        (and the scheme, host and port with {@code X-Forwarded-Proto/-Host/-Port}). Empty (the default):
 *        every such header is ignored and the client is whoever opened the connection.
 */
@ConfigurationProperties("listserv.web")
public record ProxyProperties(@DefaultValue List<String> trustedProxies) {
}
