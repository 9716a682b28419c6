package org.listserv.subscriptions;

/** What made a change of membership status, as the consent ledger records it. */
public enum ConsentSource {

	WEB_FORM, EMAIL_COMMAND, IMPORT, ADMIN, BOUNCE_JOB, API

}
