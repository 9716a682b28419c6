package org.listserv.composing;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

/**
 * The rules for the schedule and the action-list fields of a campaign being saved. Giving
 * {@code scheduledAt} (or {@code status: SCHEDULED}) schedules it, at a time in the future;
 * {@code status: DRAFT} takes it back to a draft. Priority and expiry belong to ACTION lists only.
 */
final class CampaignRules {

	private CampaignRules() {
	}

	static Campaign apply(Campaign c, MailingList list, CampaignRequest r, boolean creating) {
		if (!Layouts.validName(c.layout())) {
			throw new InvalidInputException("layout", new Text("composing.error.no-layout", c.layout()));
		}
		OffsetDateTime scheduledAt = r.scheduledAt() != null ? r.scheduledAt() : c.scheduledAt();
		CampaignStatus status = c.status();
		if (r.status() != null && !r.status().isBlank()) {
			status = CampaignService.status(r.status());
			if (status != CampaignStatus.DRAFT && status != CampaignStatus.SCHEDULED) {
				throw new InvalidInputException("status", new Text("composing.error.status-settable"));
			}
		}
		else if (r.scheduledAt() != null) {
			status = CampaignStatus.SCHEDULED;
		}
		if (status == CampaignStatus.SCHEDULED) {
			if (scheduledAt == null) {
				throw new InvalidInputException("scheduledAt", new Text("composing.error.schedule-missing"));
			}
			if (!scheduledAt.isAfter(CampaignService.now()) && (creating || r.scheduledAt() != null)) {
				throw new InvalidInputException("scheduledAt", new Text("composing.error.schedule-past"));
			}
		}
		CampaignPriority priority = c.priority();
		OffsetDateTime expiresAt = r.expiresAt() != null ? r.expiresAt() : c.expiresAt();
		if (CampaignService.isAction(list)) {
			if (r.priority() != null && !r.priority().isBlank()) {
				priority = priority(r.priority());
			}
			priority = priority == null ? CampaignPriority.NORMAL : priority;
			OffsetDateTime earliest = scheduledAt != null ? scheduledAt : CampaignService.now();
			if (expiresAt != null && !expiresAt.isAfter(earliest)) {
				throw new InvalidInputException("expiresAt", new Text(scheduledAt != null
						? "composing.error.expiry-before-schedule" : "composing.error.expiry-past"));
			}
		}
		else if (r.priority() != null || r.expiresAt() != null) {
			throw new InvalidInputException(r.priority() != null ? "priority" : "expiresAt",
					new Text("composing.error.action-only"));
		}
		return new Campaign(c.id(), c.listId(), c.list(), status, c.subject(), c.preheader(), c.body(), c.format(),
				c.layout(), c.fromName(), c.fromAddress(), scheduledAt, priority, expiresAt, c.createdBy(),
				c.createdAt(), c.updatedAt());
	}

	static CampaignPriority priority(String raw) {
		try {
			return CampaignPriority.valueOf(raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("priority", new Text("composing.error.priority"));
		}
	}

	static String address(String raw) {
		try {
			return EmailAddress.parse(raw).value();
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			throw new InvalidInputException("fromAddress", new Text("composing.error.from-address", ex.reason()));
		}
	}

}
