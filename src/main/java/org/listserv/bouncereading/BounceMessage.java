package org.listserv.bouncereading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.listserv.mail.HeaderValues;
import org.listserv.mail.HtmlText;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.MessageParts;
import org.listserv.mail.ReadingBudget;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A received message taken apart for bounce reading, through the shared MIME model ({@link InboundMessage}'s
 * {@link MessageParts}): its headers, the delivery-status and
 * feedback-report parts, the human-readable text (before any copy of the original message) and the
 * headers of the original message (attached, as text/rfc822-headers, or quoted inline).
 */
final class BounceMessage {

	/** How many bytes of a message are read at most. */
	static final int MAX_SCAN = 1024 * 1024;

	/** How many bytes of one part are read at most. */
	private static final int MAX_PART = 256 * 1024;

	/** How many characters of human-readable text are kept. */
	private static final int MAX_TEXT = 128 * 1024;

	/** How many characters of one line of human-readable text are kept. */
	private static final int MAX_HUMAN_LINE = 8 * 1024;

	private static final int MAX_DEPTH = 12;

	private static final Pattern INLINE_ORIGINAL = Pattern.compile("^[ \\t>]*(?:[-=*_#]{2,}[ \\t]*)?(?:"
			+ "this is a copy of the (?:original )?message|below this line is a copy of the message"
			+ "|(?:the )?original message (?:follows|headers)|original message headers"
			+ "|(?:[a-z]+ )?(?:returned|unsent|undelivered|undeliverable|original|rejected) message(?: follows| header[s]?)?(?:[ \\t]*:)?[ \\t]*[-=*_#]*[ \\t]*$"
			+ "|message headers follow|headers of the original message|copy of (?:the )?original message"
			+ "|content of the original message|the message header(?:s)? (?:is|are) below|original message header"
			+ "|your message reads|text of the (?:original )?message follows|here is a copy of"
			+ "|the original (?:message|mail) (?:was|is) attached|this is the original message"
			+ "|returned mail follows|the headers of (?:the|your) message|message text follows)", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern QUOTED_HEADERS = Pattern.compile(
			"^(Return-Path|Received|Delivered-To|X-[A-Za-z-]+|DKIM-Signature|Message-I[Dd]|Date|From|To|Subject|MIME-Version):[^\\n]*\\n"
					+ "(?:(?:[A-Za-z][A-Za-z0-9-]*:|[ \\t])[^\\n]*\\n){2,}",
			Pattern.MULTILINE);

	private static final Pattern REPORT_TYPE = Pattern.compile("(?i)(?:^|;)\\s*report-type\\s*=\\s*\"?([^\";\\s]+)");

	private static final Pattern HEADER_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9-]{0,60}):[ \\t]?(.*)$");

	private static final Pattern BOUNCE_SUBJECT = Pattern.compile("undeliver|undelivered|delivery (status|failure|notification|report|problem|has failed)"
			+ "|failure notice|returned mail|mail delivery (failed|failure|system|subsystem)|non[- ]?delivery|could not (be )?deliver|delivery failed|rejected"
			+ "|returned to sender|message not delivered|mail could not|warning: could not|nicht zustellbar|unzustellbar|non remis"
			+ "|non recapitabile|no se pudo entregar|onbestelbaar|delivery error|error sending|mail failure|bounce|ndr|failed delivery"
			+ "|unable to deliver|delivery notification|notification d'état|delayed mail|delivery delayed|not delivered|mail system error"
			+ "|permanent error|temporary error|message you sent|sending failed|could not send|undeliverable", Pattern.CASE_INSENSITIVE);

	private static final Pattern BOUNCE_SENDER = Pattern.compile("^(mailer-daemon|post_?master|mail-daemon|mailerdaemon|mmdf|"
			+ "mail[._-]?delivery|bounce[s]?|maildelivery|mdaemon|mail[._-]?administrator|smtp[._-]?gateway|nobody|"
			+ "auto-?notify|deliverysystem|mail[._-]?system|root|daemon|mailadmin|mailer|mail)(@|$)", Pattern.CASE_INSENSITIVE);

	private static final Pattern BOUNCE_SENDER_NAME = Pattern
		.compile("(?i)mail delivery|mailer-daemon|postmaster|mail system|delivery subsystem");

	private static final Pattern BOUNCE_BODY = Pattern.compile("could not be delivered|couldn't be delivered|was not delivered|delivery (has )?failed|"
			+ "permanent (fatal )?error|undeliverable|unable to deliver|delivery to the following|failed to deliver|not be delivered|"
			+ "qmail-send program|mail delivery (software|system|subsystem)|returned to you|permanently failed|could not deliver|"
			+ "following addresses had|delivery status notification|smtp error from remote|message could not|non-delivery|temporary failure|"
			+ "delivery attempts|your message (to|was)|the following recipient|recipient address rejected|delivery problem", Pattern.CASE_INSENSITIVE);

	private static final Pattern VACATION_SUBJECT = Pattern.compile("out of (the )?office|auto(matic|matische|matisch|matique|matica|mática|matyczna|)[ -]?(reply|response|answer|antwort|antwoord|réponse|risposta|respuesta|resposta|odpowiedź)"
			+ "|autoreply|auto-reply|auto reply|auto response|auto-response|autoresponse|vacation|on holiday|on leave|abwesenheit|abwesend|absence|absent|congés|fuera de la oficina"
			+ "|ausser haus|außer haus|fuori ufficio|afwezig|niet aanwezig|frånvaro|fravær|poissa|nieobecn|ausente|^auto:|away from|自動応答|自動返信|不在|休暇|自动回复", Pattern.CASE_INSENSITIVE);

	private static final Pattern RAW_DSN = Pattern.compile("^(?:final-recipient|original-recipient)[ \\t]*:[ \\t]*[a-z0-9-]*;",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private int depth;

	private MessageParts attached;

	private final Map<String, List<String>> headers;

	private final List<String> deliveryStatus = new ArrayList<>();

	private String feedbackReport;

	private boolean feedback;

	private final StringBuilder human = new StringBuilder();

	private boolean humanFromHtml;

	private Map<String, List<String>> original;

	private String originalMessageId;

	private Map<String, String> textRecipients;

	private BounceMessage(Map<String, List<String>> headers) {
		this.headers = headers;
	}

	/** Parses the message; null if there is nothing to read. */
	static BounceMessage parse(byte[] raw) {
		if (raw == null || raw.length == 0) {
			return null;
		}
		byte[] bytes = raw.length > MAX_SCAN ? Arrays.copyOf(raw, MAX_SCAN) : raw;
		MessageParts message;
		try {
			message = InboundMessage.parse(bytes).parts();
		}
		catch (ReadingBudget.TooCostlyException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// not a message at all, or one without a header
			return null;
		}
		BounceMessage m = of(message, 0);
		if (m.deliveryStatus.isEmpty() && !m.feedback) {
			m.scanRawForDsn(bytes);
		}
		return m;
	}

	private static BounceMessage of(MessageParts message, int depth) {
		BounceMessage m = new BounceMessage(message.headers());
		m.depth = depth;
		String contentType = m.first("content-type");
		Matcher rt = contentType == null ? null : REPORT_TYPE.matcher(contentType);
		String reportType = rt != null && rt.find() ? rt.group(1) : null;
		m.feedback = "feedback-report".equalsIgnoreCase(reportType);
		m.walk(message);
		m.finish();
		return m;
	}

	/** The attached message read as a bounce of its own (a forwarded bounce), or null. */
	BounceMessage attachedAsBounce() {
		if (attached == null || depth >= 2) {
			return null;
		}
		return of(attached, depth + 1);
	}

	/**
	 * DSN fields outside a message/delivery-status part: a broken MIME structure, a report quoted as text, or a
	 * bounce forwarded inside another message.
	 */
	private void scanRawForDsn(byte[] bytes) {
		String raw = new String(bytes, StandardCharsets.ISO_8859_1);
		Matcher m = RAW_DSN.matcher(raw);
		if (m.find()) {
			int start = raw.lastIndexOf("\n\n", m.start());
			int startCr = raw.lastIndexOf("\r\n\r\n", m.start());
			start = Math.max(Math.max(start, startCr), 0);
			deliveryStatus.add(raw.substring(start, Math.min(raw.length(), m.start() + 32 * 1024)));
		}
	}

	private void walk(MessageParts message) {
		for (MessageParts.Part part : message.parts()) {
			if (part.depth() > MAX_DEPTH) {
				continue;
			}
			MessageParts inner = part.message();
			if (inner != null) {
				if (original == null) {
					original = inner.headers();
					originalMessageId = inner.messageId();
					attached = inner;
				}
				continue;
			}
			read(part);
		}
	}

	private void read(MessageParts.Part part) {
		String type = part.mimeType();
		switch (type) {
			case "message/delivery-status", "message/global-delivery-status" -> deliveryStatus.add(part.text(MAX_PART));
			case "message/feedback-report" -> {
				feedback = true;
				feedbackReport = part.text(MAX_PART);
			}
			case "text/rfc822-headers", "message/rfc822-headers", "message/global-headers", "message/rfc822",
					"message/global" -> {
				// headers as text, or an attached message the parser left whole
				if (original == null) {
					useOriginal(parseHeaders(part.text(MAX_PART)));
				}
			}
			default -> {
				if (type.startsWith("text/") && !type.startsWith("text/html") && (!part.attachment() || part.depth() == 0)) {
					if (humanFromHtml) {
						human.setLength(0);
						humanFromHtml = false;
					}
					appendHuman(part.text(MAX_PART));
				}
				else if (type.equals("text/html") && (human.length() == 0 || humanFromHtml)) {
					humanFromHtml = true;
					appendHuman(HtmlText.of(part.text(MAX_PART)));
				}
			}
		}
	}

	/**
	 * Adds text to the human-readable part, each line cut to {@value #MAX_HUMAN_LINE} characters: report
	 * lines are short, and one huge line must not push the report itself out of the {@value #MAX_TEXT} kept.
	 */
	private void appendHuman(String text) {
		if (human.length() >= MAX_TEXT || text == null) {
			return;
		}
		if (human.length() > 0) {
			human.append("\n\n");
		}
		int start = 0;
		while (start <= text.length() && human.length() < MAX_TEXT) {
			ReadingBudget.check();
			int nl = text.indexOf('\n', start);
			int end = nl < 0 ? text.length() : nl;
			int keep = Math.min(Math.min(end - start, MAX_HUMAN_LINE), MAX_TEXT - human.length());
			human.append(text, start, start + keep);
			if (nl < 0) {
				break;
			}
			human.append('\n');
			start = nl + 1;
		}
	}

	/** Cuts a quoted original message off the human text, keeping its headers. */
	private void finish() {
		if (human.length() == 0) {
			return;
		}
		String text = human.toString().replace("\r\n", "\n").replace('\r', '\n');
		Matcher m = INLINE_ORIGINAL.matcher(text);
		int cut = -1;
		while (m.find()) {
			if (m.start() > 0) {
				cut = m.start();
				break;
			}
		}
		if (cut < 0) {
			cut = inlineHeaderBlock(text);
		}
		if (cut > 0) {
			String rest = text.substring(cut);
			int nl = rest.indexOf('\n');
			String after = nl < 0 ? "" : rest.substring(nl + 1);
			if (original == null) {
				useOriginal(parseHeaders(after.stripLeading()));
			}
			text = text.substring(0, cut);
		}
		human.setLength(0);
		human.append(text);
	}

	private void useOriginal(Map<String, List<String>> quoted) {
		if (!quoted.isEmpty()) {
			original = quoted;
			List<String> ids = quoted.get("message-id");
			originalMessageId = ids == null || ids.isEmpty() ? null : ids.get(0);
		}
	}

	/** Where a quoted header block (Received:/Return-Path:/From: ... Subject:) starts in the text, or -1. */
	private static int inlineHeaderBlock(String text) {
		Matcher m = QUOTED_HEADERS.matcher(text);
		while (m.find()) {
			String block = m.group().toLowerCase(Locale.ROOT);
			if (m.start() > 0 && (block.contains("\nfrom:") || block.startsWith("from:") || block.contains("\nreceived:")
					|| block.startsWith("received:") || block.startsWith("return-path:")) && block.contains("\n")) {
				return m.start();
			}
		}
		return -1;
	}

	/** Parses a header block (up to the first empty line) leniently. */
	static Map<String, List<String>> parseHeaders(String text) {
		Map<String, List<String>> map = new HashMap<>();
		if (text == null) {
			return map;
		}
		String name = null;
		StringBuilder value = new StringBuilder();
		for (String line : (Iterable<String>) text.lines().limit(300)::iterator) {
			ReadingBudget.check();
			if (line.isBlank()) {
				if (name != null || !map.isEmpty()) {
					break;
				}
				continue;
			}
			if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
				value.append(' ').append(line.strip());
				continue;
			}
			Matcher m = HEADER_LINE.matcher(line);
			if (!m.matches()) {
				if (name == null && map.isEmpty()) {
					continue;
				}
				break;
			}
			if (name != null) {
				map.computeIfAbsent(name, k -> new ArrayList<>()).add(decode(value.toString().strip()));
			}
			name = m.group(1).toLowerCase(Locale.ROOT);
			value.setLength(0);
			value.append(m.group(2));
		}
		if (name != null) {
			map.computeIfAbsent(name, k -> new ArrayList<>()).add(decode(value.toString().strip()));
		}
		return map;
	}

	private static String decode(String value) {
		return HeaderValues.decode(value);
	}

	private String first(String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	List<String> headers(String name) {
		return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	List<String> originalHeaders(String name) {
		return original == null ? List.of() : original.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	String originalMessageId() {
		if (originalMessageId == null) {
			return null;
		}
		String id = originalMessageId.strip();
		return id.isEmpty() ? null : id;
	}

	List<String> deliveryStatus() {
		return deliveryStatus;
	}

	boolean isFeedbackReport() {
		return feedback && feedbackReport != null;
	}

	String feedbackReport() {
		return feedbackReport;
	}

	String humanText() {
		return human.toString();
	}

	/** The failed recipients the human text names, with their lines (computed once). */
	Map<String, String> textRecipients() {
		if (textRecipients == null) {
			textRecipients = TextPatterns.recipients(humanText(), excludedAddresses());
		}
		return textRecipients;
	}

	/** The lines of the human text about one address (from its line to the end of the next paragraph). */
	String humanTextFor(String address) {
		String text = human.toString();
		if (address != null) {
			int at = text.toLowerCase(Locale.ROOT).indexOf(address);
			if (at >= 0) {
				int start = text.lastIndexOf('\n', at) + 1;
				int end = start;
				int paragraphs = 0;
				int lines = 0;
				while (end < text.length() && lines < 25) {
					int nl = text.indexOf('\n', end);
					if (nl < 0) {
						end = text.length();
						break;
					}
					String line = text.substring(end, nl);
					end = nl + 1;
					lines++;
					if (line.isBlank() && lines > 1 && ++paragraphs >= 2) {
						break;
					}
				}
				String around = text.substring(start, Math.min(end, text.length()));
				if (around.length() > 3000) {
					around = around.substring(0, 3000);
				}
				return around;
			}
		}
		return text.length() > 8000 ? text.substring(0, 8000) : text;
	}

	String subject() {
		String s = first("subject");
		return s == null ? "" : s;
	}

	/** The From address, lower-cased, or null. */
	String from() {
		List<String> a = BounceClassifier.Addresses.find(first("from"));
		return a.isEmpty() ? null : a.get(0);
	}

	/** Addresses that are never the bounced recipient: the report's sender and the original's sender. */
	Set<String> excludedAddresses() {
		Set<String> out = new LinkedHashSet<>();
		for (String h : List.of("from", "return-path", "sender", "reply-to")) {
			List<String> values = headers.get(h);
			if (values != null) {
				values.forEach(v -> out.addAll(BounceClassifier.Addresses.find(v)));
			}
		}
		for (String h : List.of("From", "Return-Path", "Sender")) {
			originalHeaders(h).forEach(v -> out.addAll(BounceClassifier.Addresses.find(v)));
		}
		return out;
	}

	/** RFC 3834 auto-reply headers or a vacation subject. */
	boolean isAutoReply() {
		String autoSubmitted = first("auto-submitted");
		if (autoSubmitted != null && autoSubmitted.toLowerCase(Locale.ROOT).startsWith("auto-replied")) {
			return true;
		}
		if (first("x-autoreply") != null || first("x-autorespond") != null || first("x-autoresponder") != null) {
			return true;
		}
		String precedence = first("precedence");
		if (precedence != null && precedence.toLowerCase(Locale.ROOT).contains("auto_reply")) {
			return true;
		}
		return VACATION_SUBJECT.matcher(subject()).find();
	}

	/** Whether the message reads like a non-delivery report (sender, subject, headers or wording). */
	boolean looksLikeBounce() {
		if (!deliveryStatus.isEmpty() || first("x-failed-recipients") != null) {
			return true;
		}
		String from = first("from");
		String fromAddress = from();
		if (fromAddress != null && BOUNCE_SENDER.matcher(fromAddress).find()) {
			return true;
		}
		if (from != null && BOUNCE_SENDER_NAME.matcher(from).find()) {
			return true;
		}
		if (BOUNCE_SUBJECT.matcher(subject()).find()) {
			return true;
		}
		String text = human.length() > 4000 ? human.substring(0, 4000) : human.toString();
		return BOUNCE_BODY.matcher(text).find() && (original != null || first("return-path") == null
				|| first("return-path").chars().allMatch(c -> c == '<' || c == '>' || Character.isWhitespace(c)));
	}

}
