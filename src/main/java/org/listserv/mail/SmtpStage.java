package org.listserv.mail;

import java.util.Locale;

/**
 * The SMTP command a server's answer belongs to. The send job records it with a refusal
 * ({@code deliveries.smtp_stage}, from {@link SmtpConnection.Reply#stage}); bounce reading finds it in the
 * text of a report. It says whom a refusal is about: the recipient (RCPT), the message (DATA), our sender
 * (MAIL) or our host (the greeting, HELO).
 */
public enum SmtpStage {

	/** The connection's greeting. */
	CONN,
	/** EHLO or HELO: our host's name. */
	HELO,
	/** MAIL FROM: our sender. */
	MAIL,
	/** RCPT TO: the recipient. */
	RCPT,
	/** DATA, or the end of the data: the message. */
	DATA;

	/**
	 * The stage a name stands for, as the send job records it ({@code MAIL}, {@code RCPT}, {@code DATA}, in
	 * any case), or null for null or a name that is not a stage.
	 */
	public static SmtpStage named(String name) {
		if (name == null) {
			return null;
		}
		String n = name.strip().toUpperCase(Locale.ROOT);
		for (SmtpStage stage : values()) {
			if (stage.name().equals(n)) {
				return stage;
			}
		}
		return null;
	}

	/** MAIL, RCPT, or DATA (the DATA command itself, or the end of the data) from the command Angus reports. */
	static SmtpStage ofCommand(String command) {
		String c = command == null ? "" : command.strip().toUpperCase(Locale.ROOT);
		return c.startsWith("MAIL") ? MAIL : c.startsWith("RCPT") ? RCPT : DATA;
	}

}
