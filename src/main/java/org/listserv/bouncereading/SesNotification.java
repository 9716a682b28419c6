package org.listserv.bouncereading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * An Amazon SES event notification (Bounce, Complaint or Delivery) as JSON in a mail body, directly or
 * inside an SNS envelope (where it is an escaped JSON string). Read with patterns, not a JSON parser, so a
 * truncated or doubly escaped notification still gives what it has.
 */
final class SesNotification {

	private static final Pattern TYPE = Pattern.compile("\"(?:notificationType|eventType)\"\\s*:\\s*\"(Bounce|Complaint|Delivery)\"");

	private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\"emailAddress\"\\s*:\\s*\"([^\"]+)\"[^{}]*\\}");

	private static final Pattern DELIVERED = Pattern.compile("\"recipients\"\\s*:\\s*\\[([^\\]]*)\\]");

	private SesNotification() {
	}

	/** The recipients of the notification, or null if the text is not one. */
	static BounceReport read(String text, String originalId, String verp) {
		if (text == null || text.indexOf("Type") < 0) {
			return null;
		}
		String json = text;
		for (int i = 0; i < 2 && json.contains("\\\""); i++) {
			json = json.replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\u0000", "\\");
		}
		Matcher type = TYPE.matcher(json);
		if (!type.find()) {
			return null;
		}
		List<BouncedRecipient> recipients = new ArrayList<>();
		switch (type.group(1)) {
			case "Delivery" -> {
				Matcher m = DELIVERED.matcher(json);
				String smtp = field(json, "smtpResponse");
				if (m.find()) {
					for (String address : BounceClassifier.Addresses.find(m.group(1))) {
						recipients.add(new BouncedRecipient(address, Classification.NONE, "delivered",
								ReasonTable.findStatus(smtp), ReasonTable.findReplyCode(smtp), smtp));
					}
				}
				return new BounceReport(BounceKind.DSN, "AmazonSES", recipients, originalId, verp);
			}
			case "Complaint" -> {
				Matcher m = OBJECT.matcher(json);
				String feedbackType = field(json, "complaintFeedbackType");
				while (m.find()) {
					recipients.add(new BouncedRecipient(m.group(1).toLowerCase(Locale.ROOT), Classification.NONE,
							"feedback", null, null, "Feedback-Type: " + (feedbackType == null ? "abuse" : feedbackType)));
				}
				return new BounceReport(BounceKind.COMPLAINT, "AmazonSES", recipients, originalId, verp);
			}
			default -> {
				String bounceType = field(json, "bounceType");
				Matcher m = OBJECT.matcher(json);
				while (m.find()) {
					String object = m.group();
					String status = ReasonTable.findStatus(field(object, "status"));
					String diagnostic = field(object, "diagnosticCode");
					String action = field(object, "action");
					BouncedRecipient r = BounceClassifier.recipientFrom(m.group(1), status, action,
							diagnostic == null ? "bounceType " + bounceType : diagnostic, object);
					recipients.add(r);
				}
				return new BounceReport(BounceKind.DSN, "AmazonSES", recipients, originalId, verp);
			}
		}
	}

	/** The patterns of the string fields read, by name. */
	private static final java.util.Map<String, Pattern> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

	private static String field(String json, String name) {
		Pattern p = FIELDS.computeIfAbsent(name,
				n -> Pattern.compile("\"" + n + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
		Matcher m = p.matcher(json);
		return m.find() ? m.group(1) : null;
	}

}
