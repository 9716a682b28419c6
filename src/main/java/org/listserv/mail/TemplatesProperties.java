package org.listserv.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param templatesDir the folder of editable mail templates (default {@code ./templates}); a template
 *        missing there, or one that does not compile, is taken from the copy inside the jar
 */
@ConfigurationProperties("listserv")
public record TemplatesProperties(@DefaultValue("./templates") Path templatesDir) {
}
