package org.listserv.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Confirmations of destructive and mass actions ({@link Confirmation}).
 *
 * @param typedAbove a send to more recipients than this asks to type the list's short name (slug) as well as to
 *        click (default 1000)
 */
@ConfigurationProperties("listserv.web.confirm")
public record ConfirmProperties(@DefaultValue("1000") int typedAbove) {

	/** Whether a send to {@code recipients} people asks to type the list's slug. */
	public boolean typingFor(long recipients) {
		return recipients > typedAbove;
	}

}
