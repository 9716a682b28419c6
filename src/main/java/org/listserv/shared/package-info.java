/**
 * The shared kernel: small types every capability may use (declared a shared module in
 * {@link org.listserv.ListservApplication}'s {@code @Modulithic}).
 */
package org.listserv.shared;
