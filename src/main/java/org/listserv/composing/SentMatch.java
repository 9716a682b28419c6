package org.listserv.composing;

/**
 * A sent campaign the archive's search found: its id, the subject of the version that matched, and that
 * version's language (null: the campaign's own text, in its list's language).
 */
public record SentMatch(long id, String subject, String language) {
}
