package org.listserv.mail;

/**
 * A notice was written to the outbox ({@code outbox} row {@code id}) in the publishing transaction. Handled
 * after the commit by {@link OutboxSender}, which then sends at once instead of at its next poll; if the
 * application stops before that, the poll finds the row all the same.
 */
record NoticeQueued(long id) {
}
