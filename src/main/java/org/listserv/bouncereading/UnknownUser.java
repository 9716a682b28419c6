package org.listserv.bouncereading;

import org.listserv.mail.SmtpStage;

import java.util.List;
import java.util.Locale;

/**
 * The corroboration a remote "user unknown" needs before it drops a member at once (see {@link #decide}).
 * {@link ReasonTable} asks it when the text says "user unknown" and the status code is not decisive.
 */
final class UnknownUser {

	private UnknownUser() {
	}

	/**
	 * Whether a remote "user unknown" is believed (hard): {@code userunknown}, else the reason that says why it
	 * is not ({@code filtered}, or the status code's own reason). What holds across MTA families:
	 * <ul>
	 * <li>The SMTP stage decides first. An answer to {@code RCPT TO} is about the recipient. The same words
	 * after {@code DATA} come from a content filter that has read the message: a soft {@code filtered} (a
	 * Sendmail transcript's {@code >>> DATA} counts too, although with PIPELINING its replies can be the
	 * {@code RCPT} ones). An answer to {@code MAIL FROM} is about our sender: {@code rejected}, decided by the
	 * caller.</li>
	 * <li>The enhanced code's subject digit next. X.1.x is about the address: hard. X.7.x (policy) and X.3.x
	 * (the mail system) say the refusal is not about the mailbox: the code's own reason, else
	 * {@code filtered}. X.0.x says nothing, and X.2.x (the mailbox) nothing against it.</li>
	 * <li>A 4xx reply or 4.x.x status is temporary by definition: the reason stays, {@link ReasonTable#classify} makes it
	 * soft.</li>
	 * <li>Otherwise the phrase decides. An unambiguous one (a {@code userunknown} row: "user unknown", "no such
	 * user", "mailbox not found", "recipient address rejected: user unknown", "bad destination mailbox
	 * address") is believed when the receiving system sent it as a permanent SMTP failure: a 5xx reply code
	 * and a 5.x.x status (its own or the report's Status), and the reply names no other address than the
	 * recipient (a call-out that found our sender unknown is not about the recipient). General words (a
	 * {@code userunknown?} row: "mailbox unavailable", "invalid recipient", "recipient address rejected:
	 * access denied") are what filters and policies say too, and a bare phrase without both codes is what
	 * gateways and filters answer as well: a soft {@code filtered}, since dropping a member at once needs
	 * more.</li>
	 * </ul>
	 *
	 * @param command the SMTP stage ({@link SmtpStage}), or null
	 * @param general whether the phrase is a general one (a {@code userunknown?} row)
	 * @param text the text the phrase was found in
	 * @param recipient the address that failed, or null when unknown
	 * @param byCode the reason the status code names on its own, or null
	 */
	static String decide(String status, Integer replyCode, SmtpStage command, boolean general, String text,
			String recipient, String byCode) {
		if (command == SmtpStage.RCPT) {
			return "userunknown";
		}
		if (command == SmtpStage.DATA) {
			return "filtered";
		}
		char subject = status == null ? '0' : status.charAt(2);
		if (subject == '1') {
			return "userunknown";
		}
		if (general || subject == '3' || subject == '7') {
			return byCode != null && subject != '2' && !byCode.equals("userunknown") ? byCode : "filtered";
		}
		if (ReasonTable.temporary(status, replyCode)) {
			return "userunknown";
		}
		boolean permanent = status != null && status.startsWith("5") && replyCode != null && replyCode / 100 == 5;
		return permanent && !namesAnother(text, recipient) ? "userunknown" : "filtered";
	}

	/**
	 * Whether the text names addresses and the recipient is not one of them: a "user unknown" about another
	 * address, such as our sender checked by a call-out, says nothing about the recipient.
	 */
	private static boolean namesAnother(String text, String recipient) {
		if (recipient == null) {
			return false;
		}
		List<String> named = BounceClassifier.Addresses.find(text);
		return !named.isEmpty() && !named.contains(recipient.toLowerCase(Locale.ROOT));
	}

}
