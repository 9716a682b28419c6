package org.listserv.inbound;

import java.util.Locale;
import java.util.Optional;

import org.subethamail.smtp.RejectException;

import org.listserv.lists.ListService;
import org.listserv.mail.ListAddress;
import org.listserv.mail.MailProperties;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** Which RCPT TO addresses the SMTP listener takes: the addresses of live lists at the list domain. */
@Component
class RecipientCheck {

	private final MailProperties mail;

	private final ListService lists;

	RecipientCheck(MailProperties mail, ListService lists) {
		this.mail = mail;
		this.lists = lists;
	}

	/**
	 * @return the address, its domain in lower case
	 * @throws RejectException 550 if it is not a list's address, 451 if that cannot be told now
	 */
	String accept(String address) throws RejectException {
		Verdict verdict;
		try {
			verdict = check(address);
		}
		catch (DataAccessException ex) {
			throw new RejectException(451, "4.3.0 Cannot check the address now; try again later");
		}
		switch (verdict) {
			case NOT_LIST_DOMAIN -> throw new RejectException(550, "5.7.1 Not a list domain: relaying denied");
			case NO_SUCH_LIST -> throw new RejectException(550, "5.1.1 No such list address");
			default -> {
				int at = address.lastIndexOf('@');
				return address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT);
			}
		}
	}

	/** Whether this is the address of a live list. @throws DataAccessException if that cannot be told now */
	boolean isListAddress(String address) {
		return check(address) == Verdict.LIST;
	}

	private Verdict check(String address) {
		int at = address == null ? -1 : address.lastIndexOf('@');
		if (at <= 0 || at == address.length() - 1) {
			return Verdict.NO_SUCH_LIST;
		}
		if (!mail.isListDomain(address.substring(at + 1))) {
			return Verdict.NOT_LIST_DOMAIN;
		}
		Optional<ListAddress> to = ListAddress.parse(address.substring(0, at));
		return to.isPresent() && lists.find(to.get().slug()).isPresent() ? Verdict.LIST : Verdict.NO_SUCH_LIST;
	}

	private enum Verdict {

		LIST, NOT_LIST_DOMAIN, NO_SUCH_LIST

	}

}
