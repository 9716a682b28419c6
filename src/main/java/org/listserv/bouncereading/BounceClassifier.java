package org.listserv.bouncereading;

import org.listserv.mail.SmtpStage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import org.listserv.mail.ListAddress;
import org.listserv.mail.ReadingBudget;

/**
 * Reads a received message as a bounce: an RFC 3464 delivery status notification, a non-delivery report in
 * one of the common MTAs' own text formats, an RFC 5965 (ARF) complaint or an auto-reply; finds the
 * recipients that bounced and, for each, the reason (sisimai's vocabulary) and whether the failure is hard,
 * soft or none. Stateless and thread-safe; never throws on bad input: what cannot be read is reported as
 * {@link BounceKind#NOT_A_BOUNCE}.
 *
 * <p>Recipients are looked for in this order: the DSN's per-recipient fields, then patterns in the
 * human-readable text, then the attached original message ({@code X-Failed-Recipients}, the original's
 * {@code To}). Only the first {@value BounceMessage#MAX_SCAN} bytes are read, so a 20 MB message costs the
 * same as a 1 MB one. Every pattern is linear-time (RE2/J), and the loops check the caller's
 * {@link ReadingBudget}: past it, {@link ReadingBudget.TooCostlyException} is the one exception thrown.
 */
public class BounceClassifier {

	private static final int MAX_DIAGNOSTIC = 4096;

	private static final ReasonTable REASONS = ReasonTable.get();

	/** Classifies a message received with no envelope information. */
	public BounceReport classify(byte[] rawMessage) {
		return classify(rawMessage, null);
	}

	/**
	 * Classifies a message.
	 *
	 * @param rawMessage the message as received
	 * @param envelopeRecipient the envelope recipient (RCPT TO), which may carry a VERP token; may be null
	 */
	public BounceReport classify(byte[] rawMessage, String envelopeRecipient) {
		String verp = verpToken(envelopeRecipient);
		BounceMessage message;
		try {
			message = BounceMessage.parse(rawMessage);
		}
		catch (ReadingBudget.TooCostlyException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			return BounceReport.notABounce(verp);
		}
		if (message == null) {
			return BounceReport.notABounce(verp);
		}
		if (verp == null) {
			for (String header : List.of("Delivered-To", "X-Original-To", "To", "Envelope-To")) {
				for (String value : message.headers(header)) {
					Matcher m = Addresses.ADDRESS.matcher(value);
					while (verp == null && m.find()) {
						verp = verpToken(m.group());
					}
					if (verp != null) {
						break;
					}
				}
			}
		}
		if (verp == null) {
			// the original message's envelope sender: the Return-Path it was delivered with, or an ARF
			// report's Original-Mail-From
			List<String> senders = new ArrayList<>(message.originalHeaders("Return-Path"));
			if (message.feedbackReport() != null) {
				String from = DsnFields.parseFirst(message.feedbackReport()).get("original-mail-from");
				if (from != null) {
					senders.add(from);
				}
			}
			for (String value : senders) {
				Matcher m = Addresses.ADDRESS.matcher(value);
				while (verp == null && m.find()) {
					verp = verpToken(m.group());
				}
			}
		}
		try {
			BounceReport report = classify(message, verp);
			return report == null ? BounceReport.notABounce(verp) : report;
		}
		catch (ReadingBudget.TooCostlyException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			return BounceReport.notABounce(verp);
		}
	}

	/**
	 * A synchronous rejection seen by the send job (the SMTP server answered RCPT TO or DATA with 4xx/5xx).
	 *
	 * @param recipient the address
	 * @param replyCode the SMTP reply code
	 * @param replyText the reply text, possibly with an enhanced status code
	 */
	public static BouncedRecipient fromSmtpReply(String recipient, int replyCode, String replyText) {
		return fromSmtpReply(recipient, replyCode, replyText, null);
	}

	/**
	 * A synchronous rejection whose SMTP command is known. A reply to {@code RCPT} that says "no such user"
	 * is hard even without an enhanced status code; the same words in reply to {@code DATA} are a content
	 * filter's ({@code filtered}, soft), and in reply to {@code MAIL} they are about our sender
	 * ({@code rejected}, soft). With the command unknown (the three-argument form) an unambiguous 5xx "no such
	 * user" is hard unless its code is about policy or the system (X.7, X.3); general words ("mailbox
	 * unavailable") need the {@code RCPT} stage or an X.1.x code (see {@code ReasonTable.unknownUser}).
	 *
	 * @param command {@code RCPT}, {@code DATA}, {@code MAIL}, or null when unknown
	 */
	public static BouncedRecipient fromSmtpReply(String recipient, int replyCode, String replyText,
			SmtpStage command) {
		String context = command == null ? null : switch (command) {
			case RCPT -> "in reply to RCPT TO command";
			case DATA -> "in reply to end of DATA command";
			case MAIL -> "in reply to MAIL FROM command";
			default -> null;
		};
		String status = ReasonTable.findStatus(replyText);
		if (status != null && status.charAt(0) != String.valueOf(replyCode).charAt(0)) {
			status = null;
		}
		String reason;
		if (replyCode >= 200 && replyCode < 300) {
			reason = "delivered";
		}
		else {
			reason = REASONS.reason(status, replyCode, replyText, null, context, normalize(recipient));
			if (replyCode >= 400 && replyCode < 500 && "onhold".equals(reason)) {
				reason = "systemerror";
			}
		}
		Classification classification = ReasonTable.classify(reason, status, replyCode);
		if (replyCode >= 400 && replyCode < 500 && classification == Classification.HARD) {
			// a 4xx is temporary by definition, whatever its text says
			classification = Classification.SOFT;
		}
		String diagnostic = (replyCode + " " + (replyText == null ? "" : replyText.strip())).strip();
		return new BouncedRecipient(normalize(recipient), classification, reason, status, replyCode,
				trim(diagnostic));
	}

	private BounceReport classify(BounceMessage message, String verp) {
		BounceReport report = classifyOne(message, verp);
		if (report.kind() == BounceKind.NOT_A_BOUNCE || report.recipients().stream().allMatch(r -> r.recipient() == null)) {
			// a bounce forwarded as an attachment (or a report whose own text says nothing)
			BounceMessage inner = message.attachedAsBounce();
			if (inner != null) {
				BounceReport nested = classifyOne(inner, verp);
				if (nested.recipients().stream().anyMatch(r -> r.recipient() != null)
						&& nested.kind() != BounceKind.AUTO_REPLY) {
					return nested;
				}
			}
		}
		return report;
	}

	private BounceReport classifyOne(BounceMessage message, String verp) {
		String originalId = message.originalMessageId();
		if (message.isFeedbackReport()) {
			return complaint(message, verp, originalId);
		}
		BounceReport ses = SesNotification.read(message.humanText(), originalId, verp);
		if (ses != null && !ses.recipients().isEmpty()) {
			return ses;
		}
		if (!message.deliveryStatus().isEmpty()) {
			List<BouncedRecipient> recipients = fromDsn(message);
			if (!recipients.isEmpty()) {
				return new BounceReport(BounceKind.DSN, "RFC3464", recipients, originalId, verp);
			}
		}
		if (message.headers("X-Apple-Unsubscribe").stream().anyMatch(v -> v.equalsIgnoreCase("true"))) {
			// Apple Mail's "unsubscribe" button mails the List-Unsubscribe address for its user: an opt-out
			BouncedRecipient optOut = new BouncedRecipient(message.from(), Classification.NONE, "feedback", null, null,
					"Feedback-Type: opt-out (X-Apple-Unsubscribe)");
			return new BounceReport(BounceKind.COMPLAINT, "AppleUnsubscribe", List.of(optOut), originalId, verp);
		}
		boolean autoReply = message.isAutoReply();
		boolean bounceLike = message.looksLikeBounce();
		if (autoReply && !bounceLike) {
			return autoReply(message, verp, originalId);
		}
		List<BouncedRecipient> recipients = bounceLike ? fromText(message) : List.of();
		if (!recipients.isEmpty()) {
			return new BounceReport(BounceKind.NON_STANDARD, ReportFormats.name(message), recipients, originalId, verp);
		}
		if (bounceLike || !message.deliveryStatus().isEmpty()) {
			// a bounce whose recipient we cannot name: the VERP token (if any) still identifies the delivery
			String text = message.humanText();
			BouncedRecipient unknown = recipient(null, null, null, text, null);
			return new BounceReport(message.deliveryStatus().isEmpty() ? BounceKind.NON_STANDARD : BounceKind.DSN,
					message.deliveryStatus().isEmpty() ? ReportFormats.name(message) : "RFC3464", List.of(unknown),
					originalId, verp);
		}
		return new BounceReport(BounceKind.NOT_A_BOUNCE, null, List.of(), originalId, verp);
	}

	private static BounceReport complaint(BounceMessage message, String verp, String originalId) {
		Map<String, String> fields = DsnFields.parseFirst(message.feedbackReport());
		String type = fields.getOrDefault("feedback-type", "abuse");
		List<String> addresses = new ArrayList<>();
		for (String key : List.of("original-rcpt-to", "removal-recipient")) {
			String value = fields.get(key);
			if (value != null) {
				addresses.addAll(Addresses.find(value));
			}
		}
		if (addresses.isEmpty()) {
			for (String value : message.originalHeaders("To")) {
				addresses.addAll(Addresses.find(value));
			}
		}
		String diagnostic = "Feedback-Type: " + type;
		List<BouncedRecipient> recipients = new ArrayList<>();
		for (String address : distinct(addresses)) {
			recipients.add(new BouncedRecipient(address, Classification.NONE, "feedback", null, null, diagnostic));
		}
		if (recipients.isEmpty()) {
			recipients.add(new BouncedRecipient(null, Classification.NONE, "feedback", null, null, diagnostic));
		}
		return new BounceReport(BounceKind.COMPLAINT, "ARF", recipients, originalId, verp);
	}

	private static BounceReport autoReply(BounceMessage message, String verp, String originalId) {
		String from = message.from();
		String diagnostic = trim("Subject: " + message.subject());
		BouncedRecipient recipient = new BouncedRecipient(from, Classification.NONE, "vacation", null, null,
				diagnostic);
		return new BounceReport(BounceKind.AUTO_REPLY, "Vacation", List.of(recipient), originalId, verp);
	}

	private List<BouncedRecipient> fromDsn(BounceMessage message) {
		List<BouncedRecipient> recipients = new ArrayList<>();
		Map<String, BouncedRecipient> byAddress = new LinkedHashMap<>();
		for (String part : message.deliveryStatus()) {
			for (Map<String, String> fields : DsnFields.perRecipient(part)) {
				String address = first(Addresses.find(value(fields.get("final-recipient"))));
				if (address == null) {
					address = first(Addresses.find(value(fields.get("original-recipient"))));
				}
				if (address == null) {
					address = first(Addresses.find(value(fields.get("x-actual-recipient"))));
				}
				String action = fields.get("action");
				String statusField = ReasonTable.findStatus(fields.get("status"));
				String diagnosticCode = value(fields.get("diagnostic-code"));
				String diagnosticType = type(fields.get("diagnostic-code"));
				if (diagnosticCode != null && "x-unix".equalsIgnoreCase(diagnosticType)) {
					// a local delivery program failed (Sendmail's mailer, a pipe)
					diagnosticCode = "x-unix; " + diagnosticCode;
				}
				String evidence = evidence(fields);
				String text = diagnosticCode;
				if (!REASONS.informative(text)) {
					String human = textAbout(message, address);
					text = text == null || text.isBlank() ? human : text + "\n" + human;
				}
				String context = address == null ? null
						: message.textRecipients().get(address);
				BouncedRecipient r = recipient(address, statusField, action, text, evidence, context);
				if (address == null || !byAddress.containsKey(address)) {
					recipients.add(r);
					if (address != null) {
						byAddress.put(address, r);
					}
				}
			}
		}
		if (!recipients.isEmpty() && recipients.stream().allMatch(r -> r.recipient() == null)) {
			// Final-Recipient was a file or program (Exim, Sendmail): the text usually names the address
			List<BouncedRecipient> fromText = fromText(message);
			if (!fromText.isEmpty()) {
				BouncedRecipient dsn = recipients.get(0);
				List<BouncedRecipient> merged = new ArrayList<>();
				for (BouncedRecipient t : fromText) {
					merged.add(new BouncedRecipient(t.recipient(), t.classification(), t.reason(),
							t.status() != null ? t.status() : dsn.status(), t.replyCode() != null ? t.replyCode() : dsn.replyCode(),
							t.diagnostic()));
				}
				return merged;
			}
		}
		recipients.removeIf(r -> r.recipient() == null && recipients.size() > 1);
		return recipients;
	}

	private List<BouncedRecipient> fromText(BounceMessage message) {
		Map<String, String> found = new LinkedHashMap<>(message.textRecipients());
		for (String value : message.headers("X-Failed-Recipients")) {
			for (String address : Addresses.find(value)) {
				found.putIfAbsent(address, null);
			}
		}
		if (found.isEmpty()) {
			for (String value : message.originalHeaders("X-Failed-Recipients")) {
				for (String address : Addresses.find(value)) {
					found.putIfAbsent(address, null);
				}
			}
		}
		if (found.isEmpty() && message.looksLikeBounce()) {
			List<String> to = new ArrayList<>();
			for (String value : message.originalHeaders("To")) {
				to.addAll(Addresses.find(value));
			}
			to.removeAll(message.excludedAddresses());
			if (to.size() == 1) {
				found.put(to.get(0), null);
			}
		}
		List<BouncedRecipient> recipients = new ArrayList<>();
		for (Map.Entry<String, String> e : found.entrySet()) {
			String diagnostic = e.getValue();
			if (!REASONS.informative(diagnostic)) {
				diagnostic = textAbout(message, e.getKey());
			}
			recipients.add(recipient(e.getKey(), null, null, diagnostic, null));
		}
		return recipients;
	}

	static BouncedRecipient recipientFrom(String address, String status, String action, String text, String evidence) {
		return recipient(first(Addresses.find(address)), status, action, text, evidence);
	}

	/**
	 * What the human-readable text says about an address: its own lines when they carry a code or a known
	 * phrase, else its paragraph and the next, else the whole text.
	 */
	private static String textAbout(BounceMessage message, String address) {
		Map<String, String> blocks = message.textRecipients();
		String own = address == null ? null : blocks.get(address);
		if (REASONS.informative(own)) {
			return own;
		}
		String around = message.humanTextFor(address);
		if (REASONS.informative(around)) {
			return around;
		}
		String all = message.humanText();
		return all.length() > 8000 ? all.substring(0, 8000) : all;
	}

	private static BouncedRecipient recipient(String address, String statusField, String action, String text,
			String evidence) {
		return recipient(address, statusField, action, text, evidence, null);
	}

	private static BouncedRecipient recipient(String address, String statusField, String action, String text,
			String evidence, String context) {
		String status = statusField;
		String fromText = ReasonTable.findStatus(text);
		if (fromText != null && fromText.startsWith("2.")) {
			// a success code in free text is not a delivery report
			fromText = null;
		}
		if (status == null || (status.endsWith(".0.0") && fromText != null && fromText.charAt(0) == status.charAt(0))) {
			status = fromText != null ? fromText : status;
		}
		Integer reply = ReasonTable.findReplyCode(text);
		String reason = REASONS.reason(status, reply, text, action, context, address);
		if (status == null && reply == null && "delayed".equalsIgnoreCase(action)) {
			reason = "expired";
		}
		Classification classification = ReasonTable.classify(reason, status, reply);
		String diagnostic = evidence != null ? evidence : text;
		return new BouncedRecipient(address, classification, reason, status, reply, trim(diagnostic));
	}

	private static String evidence(Map<String, String> fields) {
		StringBuilder sb = new StringBuilder();
		for (String key : List.of("original-recipient", "action", "status", "diagnostic-code", "remote-mta")) {
			String v = fields.get(key);
			if (v != null) {
				if (sb.length() > 0) {
					sb.append('\n');
				}
				sb.append(key).append(": ").append(v);
			}
		}
		return sb.length() == 0 ? null : sb.toString();
	}

	/** The part after "type;" of a DSN field, such as {@code rfc822; a@b} or {@code smtp; 550 ...}. */
	private static String value(String field) {
		if (field == null) {
			return null;
		}
		int semi = field.indexOf(';');
		if (semi > 0 && semi < 20 && DsnFields.isFieldName(field.substring(0, semi).strip())) {
			return field.substring(semi + 1).strip();
		}
		return field.strip();
	}

	/** The "type" of a DSN field such as {@code smtp; 550 ...}, or null. */
	private static String type(String field) {
		if (field == null) {
			return null;
		}
		int semi = field.indexOf(';');
		return semi > 0 && semi < 20 ? field.substring(0, semi).strip() : null;
	}

	static String verpToken(String address) {
		if (address == null) {
			return null;
		}
		String a = address.strip();
		if (a.startsWith("<") && a.endsWith(">")) {
			a = a.substring(1, a.length() - 1);
		}
		int at = a.lastIndexOf('@');
		if (at <= 0) {
			return null;
		}
		return ListAddress.parse(a.substring(0, at))
			.filter(l -> l.role() == ListAddress.Role.BOUNCES && l.token() != null && !l.token().isBlank())
			.map(ListAddress::token)
			.orElse(null);
	}

	private static String normalize(String address) {
		if (address == null) {
			return null;
		}
		String first = first(Addresses.find(address));
		return first != null ? first : address.strip().toLowerCase(Locale.ROOT);
	}

	static String trim(String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		if (t.length() > MAX_DIAGNOSTIC) {
			t = t.substring(0, MAX_DIAGNOSTIC);
		}
		while (t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DIAGNOSTIC) {
			t = t.substring(0, t.length() - 64);
		}
		return t;
	}

	private static List<String> distinct(List<String> list) {
		return list.stream().distinct().toList();
	}

	private static String first(List<String> list) {
		return list.isEmpty() ? null : list.get(0);
	}

	/** Finds e-mail addresses in text. */
	static final class Addresses {

		static final Pattern ADDRESS = Pattern.compile(
				"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9\\-]*[A-Za-z0-9]");

		private Addresses() {
		}

		static List<String> find(String text) {
			if (text == null || text.isEmpty() || text.indexOf('@') < 0) {
				return List.of();
			}
			List<String> out = new ArrayList<>();
			Matcher m = ADDRESS.matcher(text);
			while (m.find()) {
				String a = clean(m.group());
				if (a != null && !out.contains(a)) {
					out.add(a);
				}
			}
			return out;
		}

		static String clean(String raw) {
			String a = raw.toLowerCase(Locale.ROOT);
			while (a.startsWith(".") || a.startsWith("'") || a.startsWith("`")) {
				a = a.substring(1);
			}
			while (a.endsWith(".")) {
				a = a.substring(0, a.length() - 1);
			}
			int at = a.indexOf('@');
			return at <= 0 || at == a.length() - 1 ? null : a;
		}

	}

}
