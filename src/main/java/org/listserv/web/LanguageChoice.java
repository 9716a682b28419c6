package org.listserv.web;

/**
 * One entry of the language switcher of public pages: the language's own name ("Español"), the link to
 * this same page in it ({@code ?lang=es}).
 */
public record LanguageChoice(String tag, String name, String href) {
}
