package org.listserv.bouncereading;

import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;

import org.listserv.mail.SmtpStage;

import static org.listserv.mail.SmtpStage.CONN;
import static org.listserv.mail.SmtpStage.DATA;
import static org.listserv.mail.SmtpStage.HELO;
import static org.listserv.mail.SmtpStage.MAIL;
import static org.listserv.mail.SmtpStage.RCPT;

/**
 * The SMTP command a rejection answered, as MTAs write it in their reports: "in reply to RCPT TO command"
 * (Postfix), "after RCPT TO:&lt;a@b&gt;" and "after initial connection" (Exim), "&gt;&gt;&gt; RCPT To:&lt;a@b&gt;"
 * (Sendmail and Courier transcripts), "does not like recipient" and "failed after I sent the message" (qmail),
 * "did not like our final DATA" (DragonFly). The stage says whom a refusal is about: the recipient (RCPT), the
 * message (DATA), our sender (MAIL) or our host (the greeting, HELO): a {@link SmtpStage}.
 */
final class StageInText {

	private StageInText() {
	}

	/** Tried in this order: a report that names both DATA and RCPT is about the later command. */
	private static final List<Map.Entry<SmtpStage, Pattern>> COMMANDS = List.of(
			Map.entry(DATA, Pattern.compile("(?i)end of data|after data|in reply to data|>>> data|\\bdata command|after the data|smtp;? ?data|failed after i sent the message|did not like our (?:final )?data")),
			Map.entry(RCPT, Pattern.compile("(?i)rcpt to|rcpt_to|in reply to rcpt|>>> rcpt|smtp:rcpt|rcpt command|does not like recipient")),
			Map.entry(MAIL, Pattern.compile("(?i)mail from[:\\s]|in reply to mail|>>> mail|smtp:mail|mail command|but sender was rejected")),
			Map.entry(HELO, Pattern.compile("(?i)in reply to (?:ehlo|helo)|after (?:ehlo|helo)|>>> (?:ehlo|helo)|(?:ehlo|helo) command|but my name was rejected")),
			Map.entry(CONN, Pattern.compile("(?i)refused to talk to me|in reply to initial greeting|greeting|after initial connection|after connect\\b|on connect\\b")));

	/** Reasons that say only that something failed: refused at the greeting or HELO, it is our host that was. */
	private static final List<String> GENERIC = List.of("rejected", "onhold", "undefined", "systemerror",
			"securityerror");

	/** The SMTP command the text says was answered, or null. */
	static SmtpStage command(String text) {
		if (text == null) {
			return null;
		}
		for (Map.Entry<SmtpStage, Pattern> e : COMMANDS) {
			if (e.getValue().matcher(text).find()) {
				return e.getKey();
			}
		}
		return null;
	}

	/** The command the text names, else the one the context names, or null. */
	static SmtpStage of(String text, String context) {
		SmtpStage command = command(text);
		return command != null ? command : command(context);
	}

	/** Whether the reason says only that something failed (see {@link #atStage}). */
	static boolean generic(String reason) {
		return GENERIC.contains(reason);
	}

	/**
	 * The reason, or {@code blocked} for a generic refusal of the greeting or of HELO: at that stage the
	 * server knows nothing but the connecting host, ours.
	 */
	static String atStage(String reason, SmtpStage command) {
		return (command == CONN || command == HELO) && generic(reason) ? "blocked" : reason;
	}

}
