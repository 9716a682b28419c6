package org.listserv.bouncereading;

import java.util.List;
import java.util.Map;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Names the MTA or provider that wrote a non-standard bounce, from its wording (informational only). */
final class ReportFormats {

	private static final List<Map.Entry<String, Pattern>> MARKERS = List.of(
			Map.entry("qmail", Pattern.compile("(?i)qmail-send program|this is the qmail")),
			Map.entry("Postfix", Pattern.compile("(?i)this is the mail system at host|the mail system\\s*\\n|postfix")),
			Map.entry("Exim", Pattern.compile("(?i)this message was created automatically by mail delivery software|smtp error from remote mail server|exim")),
			Map.entry("Sendmail", Pattern.compile("(?i)the original message was received at|----- the following addresses had|transcript of session follows|sendmail")),
			Map.entry("Exchange", Pattern.compile("(?i)delivery has failed to these recipients|microsoft exchange|your message did not reach some or all|office ?365|outlook")),
			Map.entry("Gmail", Pattern.compile("(?i)gmail|google\\.com")),
			Map.entry("Yahoo", Pattern.compile("(?i)yahoo")),
			Map.entry("Courier", Pattern.compile("(?i)courier mail server")),
			Map.entry("Domino", Pattern.compile("(?i)lotus domino|domino")),
			Map.entry("AmazonSES", Pattern.compile("(?i)amazonses|amazon ses")),
			Map.entry("OpenSMTPD", Pattern.compile("(?i)opensmtpd|this is the mailserver at")));

	private ReportFormats() {
	}

	static String name(BounceMessage message) {
		String text = message.headers("From") + "\n" + message.subject() + "\n" + head(message.humanText())
				+ String.join("\n", message.headers("X-Mailer"));
		for (Map.Entry<String, Pattern> e : MARKERS) {
			if (e.getValue().matcher(text).find()) {
				return e.getKey();
			}
		}
		return "Text";
	}

	private static String head(String text) {
		return text.length() > 3000 ? text.substring(0, 3000) : text;
	}

}
