/**
 * The shared kernel: small types every capability may use (declared a shared module in
 * {@link org.listserv.ListservApplication}'s {@code @Modulithic}): the domain's exceptions
 * ({@code NotFoundException}, {@code ConflictException}, {@code InvalidInputException},
 * {@code PayloadTooLargeException}), which say what went wrong in the domain's words and which {@code web/}
 * maps to HTTP statuses and pages, and {@code Sha256}.
 */
package org.listserv.shared;
