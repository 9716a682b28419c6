/**
 * The shared kernel: the domain's exceptions that every capability may throw ({@code NotFoundException},
 * {@code ConflictException}, {@code InvalidInputException}, {@code PayloadTooLargeException}). They say
 * what went wrong in the domain's words; {@code web/} maps them to HTTP statuses and pages.
 */
package org.listserv.shared;
