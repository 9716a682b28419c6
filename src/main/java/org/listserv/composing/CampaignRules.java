package org.listserv.composing;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.InvalidInputException;

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
			throw new InvalidInputException("layout", "There is no layout '" + c.layout() + "'");
		}
		OffsetDateTime scheduledAt = r.scheduledAt() != null ? r.scheduledAt() : c.scheduledAt();
		CampaignStatus status = c.status();
		if (r.status() != null && !r.status().isBlank()) {
			status = CampaignService.status(r.status());
			if (status != CampaignStatus.DRAFT && status != CampaignStatus.SCHEDULED) {
				throw new InvalidInputException("status", "The status can be set to DRAFT or SCHEDULED only");
			}
		}
		else if (r.scheduledAt() != null) {
			status = CampaignStatus.SCHEDULED;
		}
		if (status == CampaignStatus.SCHEDULED) {
			if (scheduledAt == null) {
				throw new InvalidInputException("scheduledAt", "Choose the date and time to send it");
			}
			if (!scheduledAt.isAfter(CampaignService.now()) && (creating || r.scheduledAt() != null)) {
				throw new InvalidInputException("scheduledAt", "The scheduled time must be in the future");
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
				throw new InvalidInputException("expiresAt", "The expiry time must be after the "
						+ (scheduledAt != null ? "scheduled time" : "present"));
			}
		}
		else if (r.priority() != null || r.expiresAt() != null) {
			throw new InvalidInputException(r.priority() != null ? "priority" : "expiresAt",
					"Priority and expiry are for ACTION lists only");
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
			throw new InvalidInputException("priority", "The priority must be NORMAL, HIGH or URGENT");
		}
	}

	static String address(String raw) {
		try {
			return EmailAddress.parse(raw).value();
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			throw new InvalidInputException("fromAddress", "The From address " + ex.getMessage());
		}
	}

}
