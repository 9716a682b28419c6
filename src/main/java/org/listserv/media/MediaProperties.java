package org.listserv.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The media library ({@code listserv.media.*}).
 *
 * @param maxSize the largest image file taken (default 5MB)
 * @param maxPixels the most pixels (width × height) an image may have, read from its header before any
 *        decoding: a small file that would unpack to gigabytes is refused (default 40 million)
 */
@ConfigurationProperties("listserv.media")
public record MediaProperties(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("40000000") long maxPixels) {
}
