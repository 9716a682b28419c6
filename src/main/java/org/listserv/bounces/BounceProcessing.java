package org.listserv.bounces;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.bouncereading.BounceClassifier;
import org.listserv.bouncereading.BounceKind;
import org.listserv.bouncereading.BounceReport;
import org.listserv.bouncereading.BouncedRecipient;
import org.listserv.bouncereading.Classification;
import org.listserv.mail.SmtpStage;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.ListAddress;
import org.listserv.mail.ReadingBudget;
import org.listserv.sending.DeliveryLedger;
import org.listserv.subscriptions.MemberBounces;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The work of the {@code process-bounces} job on one item, in the caller's transaction: a queued bounce
 * message is classified, attributed (VERP token first, then the recipients the classifier found among the
 * members of the list the bounce address names) and recorded per recipient; what cannot be attributed or
 * understood goes to REVIEW with the reason. A synchronous 5xx reply becomes a hard (or soft) bounce event.
 */
@Service
class BounceProcessing {

	private static final Logger log = LoggerFactory.getLogger(BounceProcessing.class);

	private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([245]\\d\\d)[\\s-]?(.*)$", Pattern.DOTALL);

	private final BounceStore store;

	private final BounceRecorder recorder;

	private final DeliveryLedger deliveries;

	private final MemberBounces members;

	private final ListService lists;

	private final BounceClassifier classifier;

	private final Duration budget;

	@Autowired
	BounceProcessing(BounceStore store, BounceRecorder recorder, DeliveryLedger deliveries, MemberBounces members,
			ListService lists, BouncesProperties properties) {
		this(store, recorder, deliveries, members, lists, new BounceClassifier(), properties);
	}

	/** With another reader (tests). */
	BounceProcessing(BounceStore store, BounceRecorder recorder, DeliveryLedger deliveries, MemberBounces members,
			ListService lists, BounceClassifier classifier, BouncesProperties properties) {
		this.store = store;
		this.recorder = recorder;
		this.deliveries = deliveries;
		this.members = members;
		this.lists = lists;
		this.classifier = classifier;
		this.budget = properties.messageBudget();
	}

	/** What became of a message: its new state and a note. */
	record Result(BounceMessageState state, BounceKind kind, String note) {
	}

	/** Processes a QUEUED message, if it still is one and no other instance holds it. */
	Optional<Result> process(long bounceMessageId) {
		return store.claim(bounceMessageId).map(m -> {
			long start = System.nanoTime();
			Result r = classifyAndRecord(m, null);
			store.finish(m.id(), r.state(), r.kind(), r.note());
			log.debug("Bounce message {}: {} in {} ms", m.id(), r.state(), (System.nanoTime() - start) / 1_000_000);
			return r;
		});
	}

	/**
	 * Classifies a message and records its events.
	 * @param assigned the member an admin named for it (review queue), or null to attribute it here
	 */
	Result classifyAndRecord(BounceStore.QueuedMessage m, Attribution assigned) {
		Optional<ListAddress> address = ListAddress.ofRecipient(m.recipient());
		BounceReport report;
		try {
			report = ReadingBudget.within(budget, () -> classifier.classify(m.raw(), m.recipient()));
		}
		catch (ReadingBudget.TooCostlyException ex) {
			return new Result(BounceMessageState.REVIEW, null, ReadingBudget.TooCostlyException.NOTE + " (over " + budget.toMillis()
					+ " ms); read it here and assign it, or discard it");
		}
		catch (RuntimeException ex) {
			return new Result(BounceMessageState.REVIEW, null, "Could not be classified: " + ex);
		}
		BounceKind kind = report.kind();
		Instant at = m.receivedAt() == null ? Instant.now() : m.receivedAt().toInstant();
		BounceSource source = BounceSource.IMAP.name().equals(m.source()) ? BounceSource.IMAP : BounceSource.SMTP;
		if (assigned == null && report.kind() == BounceKind.NOT_A_BOUNCE) {
			return new Result(BounceMessageState.REVIEW, kind, "Not a bounce, as far as the classifier can tell");
		}
		List<Attribution> targets = new ArrayList<>();
		List<Evidence> evidence = new ArrayList<>();
		List<String> unmatched = new ArrayList<>();
		Optional<Attribution> byToken = assigned != null ? Optional.of(assigned) : byToken(report, address);
		if (byToken.isPresent()) {
			Attribution a = byToken.get();
			targets.add(a);
			evidence.add(evidenceFor(a, report));
		}
		else if (address.isPresent()) {
			for (BouncedRecipient r : report.recipients()) {
				Optional<Attribution> member = r.recipient() == null ? Optional.empty()
						: member(address.get().slug(), r.recipient());
				if (member.isPresent()) {
					targets.add(member.get());
					evidence.add(Evidence.of(report.kind(), r));
				}
				else if (r.recipient() != null) {
					unmatched.add(r.recipient());
				}
			}
		}
		if (targets.isEmpty()) {
			if (report.kind() == BounceKind.AUTO_REPLY) {
				return new Result(BounceMessageState.PROCESSED, kind, "Auto-reply from no known member: nothing to count");
			}
			String list = address.map(ListAddress::slug).orElse("(no list address)");
			// a report may describe a failure without naming its recipient (a DSN without Final-Recipient)
			return new Result(BounceMessageState.REVIEW, kind, unmatched.isEmpty()
					? "No VERP token and no recipient address found in the message (list " + list + ")"
					: "No member of list " + list + " among the recipients " + String.join(", ", unmatched));
		}
		StringBuilder note = new StringBuilder();
		for (int i = 0; i < targets.size(); i++) {
			Attribution a = targets.get(i);
			Evidence e = evidence.get(i);
			BounceRecorder.Recorded done = recorder.record(a, e, source, m.id(), m.inboundMessageId(), m.messageId(),
					at);
			if (note.length() > 0) {
				note.append("; ");
			}
			note.append(a.email()).append(": ").append(BounceRecorder.describe(e));
			if (done.eventId().isEmpty()) {
				note.append(" (recorded before)");
			}
			else if (done.action() != BounceScoring.Action.NONE) {
				note.append(" → ").append(done.action());
			}
			else if (!done.counted() && e.classification() != Classification.NONE) {
				note.append(" (not counted: one a day)");
			}
		}
		if (!unmatched.isEmpty()) {
			note.append("; not members: ").append(unmatched);
		}
		return new Result(assigned != null ? BounceMessageState.ASSIGNED : BounceMessageState.PROCESSED, kind, note.toString());
	}

	/** Records an unrecorded synchronous failure, if it still is one. @return whether an event was written */
	boolean processFailure(long deliveryId) {
		Optional<DeliveryLedger.Failure> claimed = deliveries.claimUnrecordedFailure(deliveryId);
		if (claimed.isEmpty()) {
			return false;
		}
		DeliveryLedger.Failure f = claimed.get();
		deliveries.failureRecorded(f.deliveryId());
		String reply = f.smtpReply() == null ? "" : f.smtpReply();
		Matcher code = REPLY_CODE.matcher(reply);
		if (!code.matches() || !code.group(1).startsWith("5")) {
			return false; // given up after deferrals, or no reply: not a bounce the recipient's server gave
		}
		// the command the refusal answered (RCPT, DATA, MAIL), as the send job recorded it; null for rows
		// written before it did
		BouncedRecipient r = BounceClassifier.fromSmtpReply(f.address(), Integer.parseInt(code.group(1)),
				code.group(2).strip(), f.smtpStage());
		Evidence e = new Evidence(f.address(), BounceEventKind.SMTP_REPLY, r.classification(), r.reason(), r.status(),
				r.replyCode() == null ? Integer.valueOf(code.group(1)) : r.replyCode(),
				r.diagnostic() == null ? reply : r.diagnostic());
		Attribution a = new Attribution(f.listId(), f.subscriberId(), f.address(), f.campaignId(), f.deliveryId());
		return recorder.record(a, e, BounceSource.SYNC, null, null, null,
				f.at() == null ? Instant.now() : f.at().toInstant()).eventId().isPresent();
	}

	private Optional<Attribution> byToken(BounceReport report, Optional<ListAddress> address) {
		String token = report.verpToken() != null && !report.verpToken().isBlank() ? report.verpToken()
				: address.map(ListAddress::token).orElse(null);
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		Optional<Attribution> a = deliveries.byVerpToken(token.strip().toLowerCase(Locale.ROOT))
			.map(d -> new Attribution(d.listId(), d.subscriberId(), d.email(), d.campaignId(), d.deliveryId()));
		// a token of another list's delivery is not trusted for this list's bounce address
		Optional<Long> listId = address.flatMap(x -> lists.find(x.slug())).map(MailingList::id);
		return a.filter(x -> listId.isEmpty() || listId.get() == x.listId());
	}

	/** A member of the live list {@code slug} with this address (any status). */
	Optional<Attribution> member(String slug, String email) {
		return lists.find(slug)
			.flatMap(l -> members.member(l.id(), email)
				.map(m -> new Attribution(l.id(), m.subscriberId(), m.email(), null, null)));
	}

	/** The classifier's verdict for the member a token named: their own recipient entry, else the first. */
	private static Evidence evidenceFor(Attribution a, BounceReport report) {
		List<BouncedRecipient> recipients = report.recipients();
		Optional<BouncedRecipient> own = recipients.stream()
			.filter(r -> r.recipient() != null && r.recipient().equalsIgnoreCase(a.email()))
			.findFirst();
		BouncedRecipient r = own.orElse(recipients.isEmpty() ? null : recipients.get(0));
		if (r == null) {
			return new Evidence(a.email(), BounceEventKind.of(report.kind()), Classification.NONE,
					report.kind() == BounceKind.COMPLAINT ? "feedback"
							: report.kind() == BounceKind.AUTO_REPLY ? "vacation" : null,
					null, null, null);
		}
		return new Evidence(a.email(), BounceEventKind.of(report.kind()), r.classification(), r.reason(), r.status(), r.replyCode(),
				r.diagnostic());
	}


}
